using ArtGallery.Detail.Training;
using ArtGallery.Gan.Worker;
using ArtGallery.Web.Hosting;
using ArtGallery.Web.Training.DetailJobs;
using ArtGallery.Web.Training.Worker;

namespace ArtGallery.Web.Training;

public sealed partial class TrainingService
{
    /// <summary>Why a new job cannot start while <paramref name="run"/> holds the worker.</summary>
    public static string BusyMessage(object? run) => run is ActiveDetail
        ? "A detail model is training; stop it (or wait for it) first."
        : "A run is already in progress; pause or stop it first.";

    /// <summary>The message of the job in progress, for a refused request (null when idle).</summary>
    public string? BusyReason => active is { } run ? BusyMessage(run) : null;

    // Detail problems belong on the detail panel; everything else on the training one.
    private void Notice(TrainingCommand command, string message)
    {
        if (command is TrainingCommand.Detail) detailState.Notice(message);
        else live.Notice(message);
    }

    private void BeginDetail(DetailTrainingRequest request)
    {
        var plan = detailTargets.Plan(request);
        var samples = detailTargets.SamplesFolder;
        // Strips are previews of the current job only.
        if (Directory.Exists(samples)) Directory.Delete(samples, recursive: true);
        detailState.Begin(plan.Target);
        var job = new ActiveDetail(plan, this);
        active = job;
        job.Start(WorkerCommand.TrainDetail(plan.Generator, plan.Dataset, plan.Output, samples, request.Minutes, request.Steps, request.Threads));
    }

    /// <summary>One detail job in its own `artgallery worker` process (the same supervisor as runs): progress and strips go to
    /// <see cref="DetailTrainingState"/> and the hub; the model is saved by the worker (atomically) and then published to prints.</summary>
    private sealed class ActiveDetail(DetailPlan plan, TrainingService owner) : IActiveJob
    {
        private readonly TaskCompletionSource done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private volatile string? endStatus, endMessage, error;
        private WorkerProcess? worker;

        public Task Completion => done.Task;

        public int? WorkerId => worker?.Id;

        public void Start(WorkerCommand first)
        {
            try { worker = WorkerProcess.Start(WorkerLocator.StartInfo(owner.settings), first, OnEvent, owner.log); }
            catch (Exception ex) when (ex is InvalidOperationException or System.ComponentModel.Win32Exception or IOException)
            {
                Finish("failed", $"The training worker could not start: {ex.Message}");
                return;
            }
            _ = Supervise(worker);
        }

        /// <summary>Any cancel is a stop: a half-trained detail model is not kept.</summary>
        public void Cancel(string status)
        {
            if (worker is not { } w) return;
            w.Send(new WorkerCommand(WorkerProtocol.Stop));
            _ = KillAfter(w, TimeSpan.FromSeconds(owner.settings.WorkerStopSeconds));
        }

        public void Kill() => worker?.Kill();

        private async Task Supervise(WorkerProcess w)
        {
            int code = await w.Exited;
            if (error is not null) Finish("failed", error);
            else if (endStatus is not null) Finish(endStatus, endMessage);
            else Finish("failed", $"The training worker {w.DescribeExit(code)}; no detail model was saved.");
            w.Dispose();
        }

        private void OnEvent(WorkerEvent e)
        {
            switch (e.Event)
            {
                case WorkerProtocol.Started: Report(DetailProgressDto.Starting(plan.Target) with { Status = "calibrating" }); break;
                case WorkerProtocol.Progress when e.Detail is { } json && WorkerProtocol.FromElement<DetailProgress>(json) is { } p:
                    Report(new DetailProgressDto(plan.Target, "running", p.Step, p.Fraction, p.Loss, p.BicubicLoss, p.EtaSeconds, p.Elapsed, p.SkippedSteps));
                    break;
                case WorkerProtocol.Sample when e.Path is { } strip:
                    var sample = DetailSampleDto.For(plan.Target, Path.GetFileName(strip), e.Step ?? 0);
                    owner.detailState.Sample(sample);
                    _ = owner.Push(() => owner.hubContext.Clients.All.DetailSample(sample));
                    break;
                case WorkerProtocol.Finished: Ended(e); break;
                case WorkerProtocol.Error: error = e.Message ?? "The detail job failed."; break;
            }
        }

        private void Ended(WorkerEvent e)
        {
            if (e.Status == "finished" && e.Path is { } saved)
            {
                // Published before the job counts as finished, so a print asked for after "finished" uses the new model.
                try { owner.detailTargets.Publish(saved, e.ModelId); }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { error = $"{e.Message} It could not be copied next to its model: {ex.Message}"; }
            }
            (endMessage, endStatus) = (e.Message, e.Status ?? "finished");
        }

        private void Report(DetailProgressDto dto)
        {
            owner.detailState.Report(dto);
            _ = owner.Push(() => owner.hubContext.Clients.All.DetailProgress(dto));
        }

        private void Finish(string status, string? message)
        {
            NativeHeap.Trim();
            owner.active = null;
            owner.detailState.End(status, message);
            if (owner.detailState.Current is { } last) _ = owner.Push(() => owner.hubContext.Clients.All.DetailProgress(last));
            LogDetailEnded(owner.log, plan.Target, status, message ?? "");
            done.TrySetResult();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Detail training for {Target} ended: {Status} {Message}")]
    private static partial void LogDetailEnded(ILogger logger, string target, string status, string message);
}
