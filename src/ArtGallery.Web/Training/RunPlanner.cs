using ArtGallery.Contracts;
using ArtGallery.Contracts.Worker;
using ArtGallery.Data;
using ArtGallery.Gan.Training;
using ArtGallery.Imaging;
using ArtGallery.Web.Infrastructure;
using ArtGallery.Web.Training.Jobs;
using Microsoft.Extensions.Options;

namespace ArtGallery.Web.Training;

/// <summary>Checks training requests and turns start, resume and extend into a run record plus the worker's first command.
/// Validation problems are <see cref="ArgumentException"/>s and a run that cannot resume an <see cref="InvalidOperationException"/>,
/// each with a message for the admin.</summary>
public sealed class RunPlanner(ArtGalleryDatabase db, RunFolders folders, IOptions<ArtGalleryOptions> options)
{
    /// <summary>The one check of a training request (form, API and service): its ranges and recipe, then its dataset; null when fine.</summary>
    public string? Problem(TrainingRequest request) => request.Validate() ?? DatasetProblem(request.Dataset);

    /// <summary>Resolves a dataset choice to a spec DatasetSource understands (built-in options kept); null when unknown or invalid.</summary>
    public string? DatasetSpec(string choice) =>
        choice.StartsWith(BuiltinAbstractDataset.SpecName, StringComparison.Ordinal)
            ? DatasetSource.TryParseBuiltin(choice, null, out _, out _, out var canonical, out _) ? canonical : null
            : db.FindDataset(choice)?.Folder;

    /// <summary>A new run of <paramref name="request"/>.</summary>
    public RunPlan Start(TrainingRequest request)
    {
        if (Problem(request) is { } problem) throw new ArgumentException(problem);
        var spec = DatasetSpec(request.Dataset)!;
        var trainingOptions = request.ToOptions(options.Value.Device, options.Value.TrainingThreads);
        GanRecipes.Validate(trainingOptions);
        var record = new TrainingRunRecord
        {
            Id = TimestampedId.New("run"), Dataset = spec, OptionsJson = trainingOptions.ToJson(), Started = DateTime.UtcNow,
        };
        return new RunPlan(record, WorkerCommand.StartRun(record.OptionsJson, spec, folders.For(record.Id).Path));
    }

    /// <summary>A paused, stopped or interrupted run, from its newest checkpoint.</summary>
    public RunPlan Resume(string runId)
    {
        var record = Find(runId);
        if (!RunsService.CanResume(record))
            throw new InvalidOperationException($"Run {runId} is {record.Status.ToText()}; only paused, stopped or interrupted runs resume.");
        return new RunPlan(record, WorkerCommand.ResumeRun(record.Dataset, folders.For(runId).Path));
    }

    /// <summary>A finished or stopped run trained on: its last phase made <see cref="TrainingCommand.Extend.FinalKimg"/> long.</summary>
    public RunPlan Extend(TrainingCommand.Extend extend)
    {
        var record = Find(extend.RunId);
        if (TrainingCommand.Extend.Problem(record, extend.FinalKimg, extend.Minutes) is { } problem) throw new ArgumentException(problem);
        // The record states this session's budget, as the worker's checkpoint will (the status compares the ETA with it); the
        // job saves it as it starts.
        record.OptionsJson = (TrainingOptions.FromJson(record.OptionsJson) with { Minutes = extend.Minutes, FinalKimg = extend.FinalKimg }).ToJson();
        return new RunPlan(record, WorkerCommand.ResumeRun(record.Dataset, folders.For(record.Id).Path, extend.Minutes, extend.FinalKimg));
    }

    private TrainingRunRecord Find(string runId) => db.FindRun(runId) ?? throw new ArgumentException($"Unknown run '{runId}'.");

    // A built-in spec with bad options names what was wrong (the CLI's parser); anything else unknown is just unknown.
    private string? DatasetProblem(string choice) =>
        choice.StartsWith(BuiltinAbstractDataset.SpecName, StringComparison.Ordinal)
            && !DatasetSource.TryParseBuiltin(choice, null, out _, out _, out _, out var builtinError) ? builtinError
        : DatasetSpec(choice) is null ? $"Unknown dataset '{choice}'." : null;
}
