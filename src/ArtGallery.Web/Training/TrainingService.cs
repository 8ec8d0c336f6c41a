using System.Threading.Channels;
using ArtGallery.Data;
using ArtGallery.Gan.Training;
using ArtGallery.Gan.Worker;
using ArtGallery.Imaging;
using ArtGallery.Web.Hosting;
using ArtGallery.Web.Training.DetailJobs;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace ArtGallery.Web.Training;

/// <summary>
/// Owns training: reads commands from a bounded channel, runs each run (or detail job) in its own `artgallery worker`
/// process (a native crash there cannot take the gallery down), one job at a time, pushes progress to the hub and to
/// <see cref="TrainingState"/> (<see cref="DetailTrainingState"/>), and records each run in LiteDB.
/// </summary>
public sealed partial class TrainingService(
    ArtGalleryDatabase db, RunFolders folders, TrainingState state, IHubContext<TrainingHub, ITrainingClient> hub,
    IOptions<ArtGalleryOptions> options, ILogger<TrainingService> logger, DetailTargets detailTargets, DetailTrainingState detailState) : BackgroundService
{
    private readonly ArtGalleryDatabase store = db;
    private readonly TrainingState live = state;
    private readonly IHubContext<TrainingHub, ITrainingClient> hubContext = hub;
    private readonly ILogger log = logger;
    private readonly ArtGalleryOptions settings = options.Value;
    private readonly DetailTargets detailTargets = detailTargets;
    private readonly DetailTrainingState detailState = detailState;
    private readonly Channel<TrainingCommand> commands = Channel.CreateBounded<TrainingCommand>(8);
    private volatile IActiveJob? active;

    /// <summary>True while a run or a detail job holds the worker (one at a time: training takes every core).</summary>
    public bool Busy => active is not null;

    /// <summary>Queues a command; false when the queue is full (admin clicked too fast).</summary>
    public bool Send(TrainingCommand command) => commands.Writer.TryWrite(command);

    /// <summary>Resolves a dataset choice to a spec DatasetSource understands (built-in options kept); null when unknown or invalid.</summary>
    public string? DatasetSpec(string choice) =>
        choice.StartsWith(BuiltinAbstractDataset.SpecName, StringComparison.Ordinal)
            ? DatasetSource.TryParseBuiltin(choice, null, out _, out _, out var canonical, out _) ? canonical : null
            : store.FindDataset(choice)?.Folder;

    /// <summary>False once the command loop has ended while the host is not stopping (see TrainingHealthCheck).</summary>
    public bool CommandLoopAlive => ExecuteTask is not { IsCompleted: true } || stopping;

    private volatile bool stopping;

    /// <summary>When the command being handled was taken from the queue (a Pause waits for the run's checkpoint); null when idle.</summary>
    public DateTime? HandlingSince => handlingSince;

    private DateTime? handlingSince;

    /// <inheritdoc />
    public override Task StopAsync(CancellationToken cancellationToken)
    {
        stopping = true;
        return base.StopAsync(cancellationToken);
    }

    /// <summary>The run folder of a run id (the engine's layout).</summary>
    public RunFolder Folder(string runId) => folders.For(runId);

    /// <summary>The one check of a training request (form, API and service): its ranges and recipe, then its dataset; null when fine.</summary>
    public string? Problem(TrainingRequest request) => request.Validate() ?? DatasetProblem(request.Dataset);

    // A built-in spec with bad options names what was wrong (the CLI's parser); anything else unknown is just unknown.
    private string? DatasetProblem(string choice) =>
        choice.StartsWith(BuiltinAbstractDataset.SpecName, StringComparison.Ordinal)
            && !DatasetSource.TryParseBuiltin(choice, null, out _, out _, out _, out var builtinError) ? builtinError
        : DatasetSpec(choice) is null ? $"Unknown dataset '{choice}'." : null;

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
            // Host shutdown: fall through to stopping the run with a checkpoint.
        }
        if (active is { } run)
        {
            // Leave the run "running" in the database: on the next start it is marked resumable.
            run.Cancel(RunStatus.Resumable);
            await run.Completion;
        }
    }

    private async Task Handle(TrainingCommand command)
    {
        // Read once: the trainer thread sets the field to null when a run ends, possibly between two reads.
        var run = active;
        switch (command)
        {
            case TrainingCommand.Start start when run is null: Begin(start.Request); break;
            case TrainingCommand.Resume resume when run is null: BeginResume(resume.RunId, null); break;
            case TrainingCommand.Extend extend when run is null: BeginExtend(extend); break;
            case TrainingCommand.Detail detail when run is null: BeginDetail(detail.Request); break;
            case TrainingCommand.Pause when run is ActiveDetail: live.Notice("A detail model is training; it cannot pause, only stop."); break;
            case TrainingCommand.Pause when run is not null: run.Cancel(RunStatus.Paused); await run.Completion; break;
            case TrainingCommand.Stop when run is not null: run.Cancel(RunStatus.Stopped); await run.Completion; break;
            case TrainingCommand.Start or TrainingCommand.Resume or TrainingCommand.Extend or TrainingCommand.Detail: Notice(command, BusyMessage(run)); break;
            default: live.Notice("No run is in progress."); break;
        }
    }

    private void Begin(TrainingRequest request)
    {
        if (Problem(request) is { } problem) throw new ArgumentException(problem);
        var spec = DatasetSpec(request.Dataset)!;
        var trainingOptions = request.ToOptions(settings.Device, settings.TrainingThreads);
        trainingOptions.Validate();
        var id = TimestampedId.New("run");
        var record = new TrainingRunRecord { Id = id, Dataset = spec, OptionsJson = trainingOptions.ToJson(), Started = DateTime.UtcNow };
        Launch(record, WorkerCommand.StartRun(trainingOptions, spec, Folder(id).Path));
    }

    private void BeginResume(string runId, TrainingCommand.Extend? extend)
    {
        var record = store.FindRun(runId) ?? throw new ArgumentException($"Unknown run '{runId}'.");
        if (extend is null && !RunsService.CanResume(record))
            throw new InvalidOperationException($"Run {runId} is {record.Status}; only paused, stopped or interrupted runs resume.");
        Launch(record, WorkerCommand.ResumeRun(record.Dataset, Folder(runId).Path, extend?.Minutes, extend?.FinalKimg));
    }

    private void BeginExtend(TrainingCommand.Extend extend)
    {
        var record = store.FindRun(extend.RunId) ?? throw new ArgumentException($"Unknown run '{extend.RunId}'.");
        if (TrainingCommand.Extend.Problem(record, extend.FinalKimg, extend.Minutes) is { } problem) throw new ArgumentException(problem);
        // The record states this session's budget, as the worker's checkpoint will (the status compares the ETA with it).
        record.OptionsJson = (TrainingOptions.FromJson(record.OptionsJson) with { Minutes = extend.Minutes, FinalKimg = extend.FinalKimg }).ToJson();
        store.SaveRun(record);
        BeginResume(extend.RunId, extend);
    }

    private void Launch(TrainingRunRecord record, WorkerCommand first)
    {
        record.Status = RunStatus.Running;
        record.Error = null;
        store.SaveRun(record);
        live.Begin(record.Id, "starting");
        var run = new ActiveRun(record, this);
        active = run;
        run.Start(first);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Training command {Command} failed")]
    private static partial void LogCommandFailed(ILogger logger, Exception ex, string command);
}
