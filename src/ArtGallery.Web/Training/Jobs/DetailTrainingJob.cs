using ArtGallery.Contracts;
using ArtGallery.Contracts.Worker;
using ArtGallery.Web.Training.DetailJobs;

namespace ArtGallery.Web.Training.Jobs;

/// <summary>
/// A detail model's training as a worker job: the worker's events become the detail view and hub messages (progress,
/// LR | output | HR strips);
/// the worker saves the model atomically, and a finished one is published to prints before the job counts as finished. Any
/// cancel is a stop (nothing is kept), and a worker that dies leaves nothing either.
/// </summary>
public sealed partial class DetailTrainingJob(DetailPlan plan, WorkerCommand first, DetailTargets targets, JobSink sink) : IJobAdapter
{
    public JobKind Kind => JobKind.Detail;

    public WorkerCommand First => first;

    public bool Pausable => false;

    public void Began() => sink.Monitor.DetailStarting(plan.Target);

    public void OnEvent(WorkerEvent e)
    {
        switch (e.Event)
        {
            case WorkerProtocol.Started:
                Report(DetailProgressDto.Starting(plan.Target) with { Status = JobStatus.Calibrating });
                break;
            case WorkerProtocol.Progress when e.Detail is { } report:
                Report(DetailProgressDto.From(plan.Target, report));
                break;
            case WorkerProtocol.Sample when e.Path is { } strip:
                var sample = DetailSampleDto.For(plan.Target, Path.GetFileName(strip), e.Step ?? 0);
                sink.Monitor.DetailSample(sample);
                sink.Push(c => c.DetailSample(sample));
                break;
        }
    }

    public void Ended(WorkerExit exit, JobStatus? requested)
    {
        var (status, message) = exit switch
        {
            WorkerExit.Finished { Event: { Status: JobStatus.Finished, Path: { } saved } e } => Publish(saved, e),
            WorkerExit.Finished f => (f.Event.Status ?? JobStatus.Finished, f.Event.Message),
            WorkerExit.Failed f => (JobStatus.Failed, f.Message),
            WorkerExit.Died d => (JobStatus.Failed, $"The training worker {d.Description}; no detail model was saved."),
            _ => throw new ArgumentOutOfRangeException(nameof(exit)),
        };
        sink.Monitor.DetailEnded(status, message);
        if (sink.Monitor.Detail.Current is { } last) sink.Push(c => c.DetailProgress(last));
        LogDetailEnded(sink.Log, plan.Target, status, message ?? "");
    }

    private void Report(DetailProgressDto progress)
    {
        sink.Monitor.DetailReport(progress);
        sink.Push(c => c.DetailProgress(progress));
    }

    // Published before the job counts as finished, so a print asked for after "finished" uses the new model.
    private (JobStatus, string?) Publish(string saved, WorkerEvent e)
    {
        try
        {
            targets.Publish(saved, e.ModelId);
            return (JobStatus.Finished, e.Message);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return (JobStatus.Failed, $"{e.Message} It could not be copied next to its model: {ex.Message}");
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Detail training for {Target} ended: {Status} {Message}")]
    private static partial void LogDetailEnded(ILogger logger, string target, JobStatus status, string message);
}
