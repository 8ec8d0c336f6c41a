using System.Threading.Channels;
using ArtGallery.Contracts;
using ArtGallery.Data;
using ArtGallery.Imaging;
using ArtGallery.Web.Infrastructure;
using ArtGallery.Web.Training.DetailJobs;
using ArtGallery.Web.Training.Jobs;
using ArtGallery.Web.Training.Worker;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace ArtGallery.Web.Training;

/// <summary>
/// Owns training: reads commands from a bounded channel and runs one job at a time (a GAN run or a detail model; training
/// takes every core), each in its own worker process (<see cref="WorkerJob"/>). Jobs report to the <see cref="JobMonitor"/>,
/// the hub and LiteDB through their <see cref="JobSink"/>; this class only decides what runs and when.
/// </summary>
public sealed partial class TrainingService(RunPlanner runs, DetailTargets details, JobMonitor monitor, IHubContext<TrainingHub, ITrainingClient> hub,
    ArtGalleryDatabase store, IOptions<ArtGalleryOptions> options, ILogger<TrainingService> log) : BackgroundService
{
    private readonly Channel<TrainingCommand> commands = Channel.CreateBounded<TrainingCommand>(8);
    private readonly JobSink sink = new(monitor, hub, store, log);
    private readonly ArtGalleryOptions settings = options.Value;
    private WorkerJob? active;
    private volatile bool stopping;
    private DateTime? handlingSince;

    /// <summary>True while a job holds the worker slot.</summary>
    public bool Busy => Volatile.Read(ref active) is not null;

    /// <summary>Why a new job cannot start now; null when idle.</summary>
    public string? BusyReason => Volatile.Read(ref active) is { } job ? BusyMessage(job.Kind) : null;

    /// <summary>Why a new job cannot start while a job of <paramref name="kind"/> holds the worker.</summary>
    public static string BusyMessage(JobKind kind) => kind == JobKind.Detail
        ? "A detail model is training; stop it (or wait for it) first."
        : "A run is already in progress; pause or stop it first.";

    /// <summary>Queues a command; false when the queue is full (admin clicked too fast).</summary>
    public bool Send(TrainingCommand command) => commands.Writer.TryWrite(command);

    /// <summary>False once the command loop has ended while the host is not stopping (see TrainingHealthCheck).</summary>
    public bool CommandLoopAlive => ExecuteTask is not { IsCompleted: true } || stopping;

    /// <summary>When the command being handled was taken from the queue (a Pause waits for the run's checkpoint); null when idle.</summary>
    public DateTime? HandlingSince => handlingSince;

    /// <summary>The worker process of the current job, if any (tests kill it to prove the host survives).</summary>
    internal int? WorkerProcessId => Volatile.Read(ref active)?.WorkerId;

    /// <inheritdoc />
    public override Task StopAsync(CancellationToken cancellationToken)
    {
        stopping = true;
        return base.StopAsync(cancellationToken);
    }

    /// <summary>Never leave a worker behind, even when the host's shutdown timeout cut ExecuteAsync short.</summary>
    public override void Dispose()
    {
        Volatile.Read(ref active)?.Kill();
        base.Dispose();
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var command in commands.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    handlingSince = DateTime.UtcNow;
                    await Handle(command);
                }
                catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or IOException or DatasetException)
                {
                    Notice(command, ex.Message);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    // Anything else is a bug, but one command must never stop the host (StopHost) or the loop.
                    LogCommandFailed(log, ex, command.GetType().Name);
                    Notice(command, $"The {command.GetType().Name.ToLowerInvariant()} command failed: {ex.Message}");
                }
                finally
                {
                    handlingSince = null;
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Host shutdown: fall through to pausing the job with a checkpoint.
        }
        if (Volatile.Read(ref active) is { } job)
        {
            // The run resumes from that checkpoint on the next start.
            job.Cancel(JobStatus.Resumable);
            await job.Completion;
        }
    }

    private async Task Handle(TrainingCommand command)
    {
        // Read once: the job's end frees the slot on another thread, possibly between two reads.
        var job = Volatile.Read(ref active);
        switch (command)
        {
            case TrainingCommand.Start start when job is null: Launch(new RunJob(runs.Start(start.Request), sink)); break;
            case TrainingCommand.Resume resume when job is null: Launch(new RunJob(runs.Resume(resume.RunId), sink)); break;
            case TrainingCommand.Extend extend when job is null: Launch(new RunJob(runs.Extend(extend), sink)); break;
            case TrainingCommand.Detail detail when job is null: Launch(DetailJob(detail.Request)); break;
            case TrainingCommand.Pause when job is { Kind: JobKind.Detail }: monitor.RunNotice("A detail model is training; it cannot pause, only stop."); break;
            case TrainingCommand.Pause when job is not null: job.Cancel(JobStatus.Paused); await job.Completion; break;
            case TrainingCommand.Stop when job is not null: job.Cancel(JobStatus.Stopped); await job.Completion; break;
            case TrainingCommand.Start or TrainingCommand.Resume or TrainingCommand.Extend or TrainingCommand.Detail: Notice(command, BusyMessage(job!.Kind)); break;
            default: monitor.RunNotice("No run is in progress."); break;
        }
    }

    private DetailTrainingJob DetailJob(DetailTrainingRequest request)
    {
        var plan = details.Plan(request);
        return new DetailTrainingJob(plan, details.FirstCommand(plan, request), details, sink);
    }

    // The job holds the slot before its worker starts; it frees the slot itself when it ends (before its end is visible).
    private void Launch(IJobAdapter adapter)
    {
        var job = new WorkerJob(adapter, () => WorkerLocator.StartInfo(settings), TimeSpan.FromSeconds(settings.WorkerStopSeconds),
            ended => Interlocked.CompareExchange(ref active, null, ended), log);
        Volatile.Write(ref active, job);
        job.Start();
    }

    // Detail problems belong on the detail panel; everything else on the training one.
    private void Notice(TrainingCommand command, string message)
    {
        if (command is TrainingCommand.Detail) monitor.DetailNotice(message);
        else monitor.RunNotice(message);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Training command {Command} failed")]
    private static partial void LogCommandFailed(ILogger logger, Exception ex, string command);
}
