using System.Diagnostics;
using ArtGallery.Contracts;
using ArtGallery.Contracts.Worker;
using ArtGallery.Web.Infrastructure;
using ArtGallery.Web.Training.Jobs;

namespace ArtGallery.Web.Training.Worker;

/// <summary>
/// One job in its own `artgallery worker` process, supervised the same way for every kind of job: starts the worker with the
/// adapter's first command, hands each event to the adapter in order, asks the worker to pause or stop and kills it when the
/// grace time runs out, classifies how it ended (<see cref="WorkerExit"/>), frees the worker slot, lets the adapter record the
/// end, and completes. A native crash in the worker cannot take the gallery down.
/// </summary>
public sealed partial class WorkerJob(IJobAdapter adapter, Func<ProcessStartInfo> startInfo, TimeSpan grace, Action<WorkerJob> release, ILogger log)
{
    private readonly TaskCompletionSource done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock gate = new();
    private WorkerProcess? worker;
    private WorkerEvent? finished;
    private string? error;
    private JobStatus? requested;

    /// <summary>A run or a detail job.</summary>
    public JobKind Kind => adapter.Kind;

    /// <summary>Completes once the job has ended and the adapter has recorded how.</summary>
    public Task Completion => done.Task;

    /// <summary>The worker's process id while it runs.</summary>
    public int? WorkerId => worker?.Id;

    /// <summary>Starts the worker (call once the job holds the slot); a worker that cannot start ends the job as failed.</summary>
    public void Start()
    {
        adapter.Began();
        try { worker = WorkerProcess.Start(startInfo(), adapter.First, OnEvent, log); }
        catch (Exception ex) when (ex is InvalidOperationException or System.ComponentModel.Win32Exception or IOException)
        {
            End(new WorkerExit.Failed($"The training worker could not start: {ex.Message}"), exitCode: null);
            return;
        }
        _ = Supervise(worker);
    }

    /// <summary>Asks the worker to end with <paramref name="status"/> (pause, stop; Resumable on shutdown pauses), and kills
    /// it if it has not exited within the grace time.</summary>
    public void Cancel(JobStatus status)
    {
        lock (gate) requested = status;
        if (worker is not { } w) return;
        bool pause = status != JobStatus.Stopped && adapter.Pausable;
        w.Send(new WorkerCommand(pause ? WorkerProtocol.Pause : WorkerProtocol.Stop));
        _ = KillAfter(w);
    }

    /// <summary>Kills the worker at once (the host is going away).</summary>
    public void Kill() => worker?.Kill();

    private async Task KillAfter(WorkerProcess w)
    {
        if (await Task.WhenAny(w.Exited, Task.Delay(grace)) != w.Exited) w.Kill();
    }

    private void OnEvent(WorkerEvent e)
    {
        lock (gate)
        {
            if (e.Event == WorkerProtocol.Finished) finished = e;
            else if (e.Event == WorkerProtocol.Error) error = e.Message ?? "The training worker failed.";
        }
        adapter.OnEvent(e);
    }

    private async Task Supervise(WorkerProcess w)
    {
        int code = await w.Exited;
        WorkerExit exit;
        // The job ended as asked (or on its own) only when the worker said so; any other exit is a crash or a kill.
        lock (gate) exit = error is { } message ? new WorkerExit.Failed(message)
            : finished is { } e ? new WorkerExit.Finished(e)
            : new WorkerExit.Died(w.DescribeExit(code));
        End(exit, code);
        w.Dispose();
    }

    private void End(WorkerExit exit, int? exitCode)
    {
        // The job's tensors left with the worker; renders' freed native memory still waits in glibc's arenas.
        Gan.NativeHeap.Trim();
        // The slot is free before the end is visible anywhere, so a client that sees "paused" can resume at once.
        release(this);
        try
        {
            JobStatus? asked;
            lock (gate) asked = requested;
            adapter.Ended(exit, asked);
        }
        catch (Exception ex) when (ex is IOException or LiteDB.LiteException or UnauthorizedAccessException)
        {
            LogEndFailed(log, ex, Kind, exitCode);
        }
        done.TrySetResult();
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Recording the end of a {Kind} job failed (worker exit code {Code})")]
    private static partial void LogEndFailed(ILogger logger, Exception ex, JobKind kind, int? code);
}
