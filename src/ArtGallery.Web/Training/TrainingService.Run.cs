using ArtGallery.Data;
using ArtGallery.Gan.Training;
using ArtGallery.Web.Hosting;

namespace ArtGallery.Web.Training;

public sealed partial class TrainingService
{
    /// <summary>One run on its dedicated thread; progress flows back through the service.</summary>
    private sealed class ActiveRun(TrainingRunRecord record, TrainingService owner) : IProgress<TrainingProgress>
    {
        private readonly CancellationTokenSource cancel = new();
        private readonly TaskCompletionSource done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private string endStatus = RunStatus.Finished;

        public Task Completion => done.Task;

        public void Start(Func<Trainer> create)
        {
            // Torch state is per OS thread and a run lasts hours: a dedicated thread, never the thread pool.
            var thread = new Thread(() => Body(create)) { IsBackground = true, Name = "trainer" };
            thread.Start();
        }

        public void Cancel(string status)
        {
            endStatus = status;
            cancel.Cancel();
        }

        private void Body(Func<Trainer> create)
        {
            string status = endStatus;
            string? error = null;
            try
            {
                Train(create);
                status = endStatus;
            }
            catch (Exception ex)
            {
                // A failing run is reported as a status, never allowed to take the host down.
                LogRunFailed(owner.log, ex, record.Id);
                (status, error) = (RunStatus.Failed, ex.Message);
            }
            // The trainer and its tensors are disposed by now: give their memory back to the OS before the next run.
            NativeHeap.Trim();
            Finish(status, error);
        }

        private void Train(Func<Trainer> create)
        {
            using var trainer = create();
            record.TotalKimg = trainer.TotalKimg;
            owner.live.Begin(record.Id, "running");
            trainer.Run(this, cancel.Token);
        }

        private void Finish(string status, string? error)
        {
            // Shutdown leaves the record "running" so the next start marks it resumable.
            record.Status = status == RunStatus.Resumable ? RunStatus.Running : status;
            record.Error = error;
            owner.store.SaveRun(record);
            owner.active = null;
            owner.live.End(status, error);
            if (owner.live.Current is { } last) _ = Push(() => owner.hubContext.Clients.All.Progress(last));
            LogRunEnded(owner.log, record.Id, status);
            done.TrySetResult();
        }

        public void Report(TrainingProgress p)
        {
            var dto = new TrainingProgressDto(record.Id, "running", p.Phase, p.Resolution, p.Alpha, p.Kimg, p.TotalKimg,
                p.LossD, p.LossG, p.ImagesPerSecond, p.Eta?.TotalSeconds, p.AugmentP, p.Diversity, p.CollapseWarning);
            SampleDto? sample = p.SampleGridPath is { } grid ? SampleDto.For(record.Id, Path.GetFileName(grid), p.Kimg) : null;
            (record.Phase, record.Kimg, record.TotalKimg) = (p.Phase, p.Kimg, p.TotalKimg);
            if (sample is not null) record.LastSample = Path.GetFileName(p.SampleGridPath);
            owner.store.SaveRun(record);
            owner.live.Report(dto, sample);
            _ = Push(() => owner.hubContext.Clients.All.Progress(dto));
            if (sample is not null) _ = Push(() => owner.hubContext.Clients.All.Sample(sample));
        }

        private async Task Push(Func<Task> send)
        {
            try { await send(); }
            catch (Exception ex) { LogPushFailed(owner.log, ex); }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Training run {RunId} failed")]
    private static partial void LogRunFailed(ILogger logger, Exception ex, string runId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Training run {RunId} ended: {Status}")]
    private static partial void LogRunEnded(ILogger logger, string runId, string status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pushing training progress to the hub failed")]
    private static partial void LogPushFailed(ILogger logger, Exception ex);
}
