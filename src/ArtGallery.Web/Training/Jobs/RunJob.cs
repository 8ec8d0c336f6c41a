using ArtGallery.Contracts;
using ArtGallery.Contracts.Worker;
using ArtGallery.Data;

namespace ArtGallery.Web.Training.Jobs;

/// <summary>What starts a run: its record (new, or the run to resume) and the worker's first command.</summary>
public sealed record RunPlan(TrainingRunRecord Record, WorkerCommand First);

/// <summary>
/// A GAN run as a worker job: the engine's events become the run's live view and hub messages (every report) and its LiteDB record, which is
/// written only when the status changes and at each checkpoint (the page's table and a restart read it; the curves are in
/// the run folder's progress.csv). A worker that dies leaves the run resumable from its last checkpoint.
/// </summary>
public sealed partial class RunJob(RunPlan plan, JobSink sink) : IJobAdapter
{
    private readonly TrainingRunRecord record = plan.Record;

    public JobKind Kind => JobKind.Run;

    public WorkerCommand First => plan.First;

    public bool Pausable => true;

    public void Began()
    {
        (record.Status, record.Error) = (JobStatus.Running, null);
        sink.Store.SaveRun(record);
        sink.Monitor.RunStarting(record.Id);
    }

    public void OnEvent(WorkerEvent e)
    {
        switch (e.Event)
        {
            case WorkerProtocol.Started:
                record.TotalKimg = e.TotalKimg ?? record.TotalKimg;
                LogWorkerStarted(sink.Log, record.Id, e.Pid ?? 0, e.Kimg ?? 0);
                sink.Monitor.RunRunning(record.Id);
                break;
            case WorkerProtocol.Progress when e.Progress is { } p:
                Report(p);
                break;
            case WorkerProtocol.Checkpoint:
                // The progress report that carried this checkpoint has already moved the record on.
                sink.Store.SaveRun(record);
                LogCheckpoint(sink.Log, record.Id, e.Path ?? "?");
                break;
        }
    }

    public void Ended(WorkerExit exit, JobStatus? requested)
    {
        (record.Status, record.Error) = exit switch
        {
            WorkerExit.Finished f => (requested ?? f.Event.Status ?? JobStatus.Finished, null),
            WorkerExit.Failed f => (JobStatus.Failed, f.Message),
            WorkerExit.Died d => (JobStatus.Resumable, $"The training worker {d.Description}; the run can resume from its last checkpoint."),
            _ => throw new ArgumentOutOfRangeException(nameof(exit)),
        };
        if (exit is WorkerExit.Died) LogWorkerDied(sink.Log, record.Id, record.Error!);
        sink.Store.SaveRun(record);
        sink.Monitor.RunEnded(record.Status, record.Error);
        if (sink.Monitor.Run.Current is { } last) sink.Push(c => c.Progress(last));
        LogRunEnded(sink.Log, record.Id, record.Status);
    }

    private void Report(TrainingProgress p)
    {
        (record.Phase, record.Kimg, record.TotalKimg) = (p.Phase, p.Kimg, p.TotalKimg);
        SampleDto? sample = null;
        if (p.SampleGridPath is { } grid)
        {
            record.LastSample = Path.GetFileName(grid);
            sample = SampleDto.For(record.Id, record.LastSample, p.Kimg);
        }
        var dto = TrainingProgressDto.From(record.Id, p);
        sink.Monitor.RunReport(dto, sample);
        sink.Push(c => c.Progress(dto));
        if (sample is not null) sink.Push(c => c.Sample(sample));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Training run {RunId}: worker {Pid} started at {Kimg} kimg")]
    private static partial void LogWorkerStarted(ILogger logger, string runId, int pid, double kimg);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Training run {RunId}: checkpoint {Path}")]
    private static partial void LogCheckpoint(ILogger logger, string runId, string path);

    [LoggerMessage(Level = LogLevel.Error, Message = "Training run {RunId}: {Reason}")]
    private static partial void LogWorkerDied(ILogger logger, string runId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Training run {RunId} ended: {Status}")]
    private static partial void LogRunEnded(ILogger logger, string runId, JobStatus status);
}
