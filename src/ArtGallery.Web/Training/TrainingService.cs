using System.Threading.Channels;
using ArtGallery.Data;
using ArtGallery.Gan.Training;
using ArtGallery.Imaging;
using ArtGallery.Web.Hosting;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace ArtGallery.Web.Training;

/// <summary>
/// Owns training: reads commands from a bounded channel, runs the Trainer on its own long-running thread, pushes
/// progress to the hub and to <see cref="TrainingState"/>, and records each run in LiteDB.
/// </summary>
public sealed partial class TrainingService(
    ArtGalleryDatabase db, RunFolders folders, TrainingState state, IHubContext<TrainingHub, ITrainingClient> hub,
    IOptions<ArtGalleryOptions> options, ILogger<TrainingService> logger) : BackgroundService
{
    private readonly ArtGalleryDatabase store = db;
    private readonly TrainingState live = state;
    private readonly IHubContext<TrainingHub, ITrainingClient> hubContext = hub;
    private readonly ILogger log = logger;
    private readonly Channel<TrainingCommand> commands = Channel.CreateBounded<TrainingCommand>(8);
    private volatile ActiveRun? active;

    /// <summary>Queues a command; false when the queue is full (admin clicked too fast).</summary>
    public bool Send(TrainingCommand command) => commands.Writer.TryWrite(command);

    /// <summary>Resolves a dataset choice to a spec DatasetSource understands; null when unknown.</summary>
    public string? DatasetSpec(string choice) =>
        choice.StartsWith(BuiltinAbstractDataset.SpecName, StringComparison.Ordinal) ? BuiltinAbstractDataset.SpecName
        : store.FindDataset(choice)?.Folder;

    /// <summary>The run folder of a run id (the engine's layout).</summary>
    public RunFolder Folder(string runId) => folders.For(runId);

    /// <summary>The one check of a training request (form, API and service): its ranges and recipe, then its dataset; null when fine.</summary>
    public string? Problem(TrainingRequest request) =>
        request.Validate() ?? (DatasetSpec(request.Dataset) is null ? $"Unknown dataset '{request.Dataset}'." : null);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var command in commands.Reader.ReadAllAsync(stoppingToken))
            {
                try { await Handle(command); }
                catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or IOException or DatasetException)
                {
                    live.Notice(ex.Message);
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
        switch (command)
        {
            case TrainingCommand.Start start when active is null: Begin(start.Request); break;
            case TrainingCommand.Resume resume when active is null: BeginResume(resume.RunId, null); break;
            case TrainingCommand.Extend extend when active is null: BeginExtend(extend); break;
            case TrainingCommand.Pause when active is not null: active.Cancel(RunStatus.Paused); await active.Completion; break;
            case TrainingCommand.Stop when active is not null: active.Cancel(RunStatus.Stopped); await active.Completion; break;
            case TrainingCommand.Start or TrainingCommand.Resume or TrainingCommand.Extend: live.Notice("A run is already in progress; pause or stop it first."); break;
            default: live.Notice("No run is in progress."); break;
        }
    }

    private void Begin(TrainingRequest request)
    {
        if (Problem(request) is { } problem) throw new ArgumentException(problem);
        var spec = DatasetSpec(request.Dataset)!;
        var trainingOptions = request.ToOptions(options.Value.Device, options.Value.TrainingThreads);
        trainingOptions.Validate();
        var id = $"run-{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Random.Shared.Next(0x1000):x3}";
        var record = new TrainingRunRecord { Id = id, Dataset = spec, OptionsJson = trainingOptions.ToJson(), Started = DateTime.UtcNow };
        Launch(record, () =>
        {
            var (dataset, _) = DatasetSource.Open(spec);
            return Trainer.Create(trainingOptions, dataset, Folder(id).Path);
        });
    }

    private void BeginResume(string runId, TrainingCommand.Extend? extend)
    {
        var record = store.FindRun(runId) ?? throw new ArgumentException($"Unknown run '{runId}'.");
        if (extend is null && !RunsService.CanResume(record))
            throw new InvalidOperationException($"Run {runId} is {record.Status}; only paused, stopped or interrupted runs resume.");
        Launch(record, () => Trainer.Resume(Folder(runId).Path, DatasetSource.Open(record.Dataset).Dataset, extend?.Minutes, extend?.FinalKimg));
    }

    private void BeginExtend(TrainingCommand.Extend extend)
    {
        var record = store.FindRun(extend.RunId) ?? throw new ArgumentException($"Unknown run '{extend.RunId}'.");
        if (TrainingCommand.Extend.Problem(record, extend.FinalKimg, extend.Minutes) is { } problem) throw new ArgumentException(problem);
        BeginResume(extend.RunId, extend);
    }

    private void Launch(TrainingRunRecord record, Func<Trainer> create)
    {
        record.Status = RunStatus.Running;
        record.Error = null;
        store.SaveRun(record);
        live.Begin(record.Id, "starting");
        var run = new ActiveRun(record, this);
        active = run;
        run.Start(create);
    }
}
