using ArtGallery.Data;
using ArtGallery.Gan.Training;
using ArtGallery.Gan.Worker;
using ArtGallery.Web.Hosting;
using ArtGallery.Web.Training.Worker;

namespace ArtGallery.Web.Training;

public sealed partial class TrainingService
{
    /// <summary>The worker process of the active run, if any (tests kill it to prove the host survives).</summary>
    internal int? WorkerProcessId => active?.WorkerId;

    /// <summary>Never leave a worker behind, even when the host's shutdown timeout cut ExecuteAsync short.</summary>
    public override void Dispose()
    {
        active?.Kill();
        base.Dispose();
    }

    /// <summary>One run in its own `artgallery worker` process; its events flow back through the service.</summary>
    private sealed class ActiveRun(TrainingRunRecord record, TrainingService owner) : IActiveJob
    {
        private readonly TaskCompletionSource done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private volatile string? requested;
        private volatile bool ended, failedWithMessage;
        private string? error;
        private WorkerProcess? worker;

        public Task Completion => done.Task;

        public int? WorkerId => worker?.Id;

        public void Start(WorkerCommand first)
        {
            try { worker = WorkerProcess.Start(WorkerLocator.StartInfo(owner.settings), first, OnEvent, owner.log); }
            catch (Exception ex) when (ex is InvalidOperationException or System.ComponentModel.Win32Exception or IOException)
            {
                LogRunFailed(owner.log, ex, record.Id);
                Finish(RunStatus.Failed, $"The training worker could not start: {ex.Message}");
                return;
            }
            _ = Supervise(worker);
        }

        /// <summary>Asks the worker to end with a checkpoint (pause or stop); kills it if it has not exited within the grace time.</summary>
        public void Cancel(string status)
        {
            requested = status;
            if (worker is not { } w) return;
            w.Send(new WorkerCommand(status == RunStatus.Stopped ? WorkerProtocol.Stop : WorkerProtocol.Pause));
            _ = KillAfter(w, TimeSpan.FromSeconds(owner.settings.WorkerStopSeconds));
        }

        public void Kill() => worker?.Kill();

        private async Task Supervise(WorkerProcess w)
        {
            int code = await w.Exited;
            // The run ended as asked (or on its own) only when the worker said so; any other exit is a crash or a kill,
            // and the run resumes from its last checkpoint.
            if (ended) Finish(requested ?? RunStatus.Finished, null);
            else if (failedWithMessage) Finish(RunStatus.Failed, error);
            else
            {
                var reason = $"The training worker {w.DescribeExit(code)}; the run can resume from its last checkpoint.";
                LogWorkerDied(owner.log, record.Id, reason);
                Finish(RunStatus.Resumable, reason);
            }
            w.Dispose();
        }

        private void OnEvent(WorkerEvent e)
        {
            switch (e.Event)
            {
                case WorkerProtocol.Started:
                    record.TotalKimg = e.TotalKimg ?? record.TotalKimg;
                    LogWorkerStarted(owner.log, record.Id, e.Pid ?? 0, e.Kimg ?? 0);
                    owner.live.Begin(record.Id, "running");
                    break;
                case WorkerProtocol.Progress when e.Progress is { } p: Report(p); break;
                case WorkerProtocol.Checkpoint: LogCheckpoint(owner.log, record.Id, e.Path ?? "?"); break;
                case WorkerProtocol.Finished: ended = true; break;
                case WorkerProtocol.Error: (failedWithMessage, error) = (true, e.Message); break;
            }
        }

        private void Finish(string status, string? message)
        {
            // Training's tensors left with the worker; renders' freed native memory still waits in glibc's arenas.
            NativeHeap.Trim();
            record.Status = status;
            record.Error = message;
            owner.store.SaveRun(record);
            owner.active = null;
            owner.live.End(status, message);
            if (owner.live.Current is { } last) _ = owner.Push(() => owner.hubContext.Clients.All.Progress(last));
            LogRunEnded(owner.log, record.Id, status);
            done.TrySetResult();
        }

        private void Report(TrainingProgress p)
        {
            var dto = new TrainingProgressDto(record.Id, "running", p.Phase, p.Resolution, p.Alpha, p.Kimg, p.TotalKimg,
                p.LossD, p.LossG, p.ImagesPerSecond, p.Eta?.TotalSeconds, p.AugmentP, p.Diversity, p.CollapseWarning, p.SkippedUpdates);
            SampleDto? sample = p.SampleGridPath is { } grid ? SampleDto.For(record.Id, Path.GetFileName(grid), p.Kimg) : null;
            (record.Phase, record.Kimg, record.TotalKimg) = (p.Phase, p.Kimg, p.TotalKimg);
            if (sample is not null) record.LastSample = Path.GetFileName(p.SampleGridPath);
            owner.store.SaveRun(record);
            owner.live.Report(dto, sample);
            _ = owner.Push(() => owner.hubContext.Clients.All.Progress(dto));
            if (sample is not null) _ = owner.Push(() => owner.hubContext.Clients.All.Sample(sample));
        }
    }

    /// <summary>A job holding the worker: a GAN run or a detail job.</summary>
    private interface IActiveJob
    {
        Task Completion { get; }

        int? WorkerId { get; }

        /// <summary>Asks the worker to end (pause or stop: status); kills it after the grace time.</summary>
        void Cancel(string status);

        void Kill();
    }

    private static async Task KillAfter(WorkerProcess w, TimeSpan grace)
    {
        if (await Task.WhenAny(w.Exited, Task.Delay(grace)) != w.Exited) w.Kill();
    }

    private async Task Push(Func<Task> send)
    {
        try { await send(); }
        catch (Exception ex) { LogPushFailed(log, ex); }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Training run {RunId} failed")]
    private static partial void LogRunFailed(ILogger logger, Exception ex, string runId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Training run {RunId} ended: {Status}")]
    private static partial void LogRunEnded(ILogger logger, string runId, string status);

    [LoggerMessage(Level = LogLevel.Information, Message = "Training run {RunId}: worker {Pid} started at {Kimg} kimg")]
    private static partial void LogWorkerStarted(ILogger logger, string runId, int pid, double kimg);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Training run {RunId}: checkpoint {Path}")]
    private static partial void LogCheckpoint(ILogger logger, string runId, string path);

    [LoggerMessage(Level = LogLevel.Error, Message = "Training run {RunId}: {Reason}")]
    private static partial void LogWorkerDied(ILogger logger, string runId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pushing training progress to the hub failed")]
    private static partial void LogPushFailed(ILogger logger, Exception ex);
}
