using ArtGallery.Contracts;
using ArtGallery.Data;
using ArtGallery.Gan.Checkpoints;
using ArtGallery.Gan.Training;
using ArtGallery.Web.Rendering;

namespace ArtGallery.Web.Training;

/// <summary>A run as the admin page lists it: its record, newest checkpoints first, and what can be done with it.</summary>
public sealed record RunSummary(TrainingRunRecord Run, IReadOnlyList<string> Checkpoints, bool CanResume, bool CanExtend);

/// <summary>Runs, their checkpoints, sample timelines and curves for pages: LiteDB records plus the engine's run-folder layout.</summary>
public sealed class RunsService(ArtGalleryDatabase db, RunFolders folders, ModelActivator activator)
{
    /// <summary>Curve points handed to a chart at most (older points are thinned, the newest always kept).</summary>
    public const int MaxChartPoints = 200;

    /// <summary>Paused, stopped or interrupted: the trainer can pick it up from its newest checkpoint.</summary>
    public static bool CanResume(TrainingRunRecord run) => run.Status is JobStatus.Paused or JobStatus.Resumable or JobStatus.Stopped;

    /// <summary>Finished or stopped: its last phase can be made longer (the engine's <c>--final-kimg</c> with resume).</summary>
    public static bool CanExtend(TrainingRunRecord run) => run.Status is JobStatus.Finished or JobStatus.Stopped;

    /// <summary>Recent runs, newest first.</summary>
    public IReadOnlyList<RunSummary> Recent(int limit = 20) =>
        db.AllRuns(limit).Select(r => new RunSummary(r, CheckpointNames(r.Id), CanResume(r), CanExtend(r))).ToList();

    /// <summary>The newest run that can resume, if any.</summary>
    public TrainingRunRecord? Resumable() => db.AllRuns().FirstOrDefault(CanResume);

    /// <summary>The newest run (the one whose curves and grids the idle page shows).</summary>
    public TrainingRunRecord? Latest() => db.AllRuns(1).FirstOrDefault();

    /// <summary>The run's sample grids, oldest first.</summary>
    public IReadOnlyList<SampleDto> Timeline(string runId) =>
        folders.For(runId).SampleGrids().Select(g => SampleDto.For(runId, g.FileName, g.Kimg)).ToList();

    /// <summary>The run's recorded curves, thinned to <see cref="MaxChartPoints"/>.</summary>
    public IReadOnlyList<ProgressPoint> Curves(string runId) => Thin(folders.For(runId).ReadProgress(), MaxChartPoints);

    /// <summary>How fast runs trained here, per recipe and resolution (the newest <paramref name="runs"/> runs' curves).</summary>
    public Budget.TrainingSpeeds Speeds(int runs = 10)
    {
        var measured = new List<(TrainingOptions, IReadOnlyList<ProgressPoint>)>();
        foreach (var run in db.AllRuns(runs))
            if (TryOptions(run) is { } options) measured.Add((options, folders.For(run.Id).ReadProgress()));
        return Budget.TrainingSpeeds.FromRuns(measured);
    }

    private static TrainingOptions? TryOptions(TrainingRunRecord run)
    {
        try { return TrainingOptions.FromJson(run.OptionsJson); }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidDataException or ArgumentException) { return null; }
    }

    /// <summary>The run's last phase length in kimg (what "extend" starts from).</summary>
    public double LastPhaseKimg(TrainingRunRecord run) => TryOptions(run) is { } o ? o.FinalKimg ?? o.KimgPerPhase : 0;

    /// <summary>The run's time budget in minutes (null: none, or options unreadable).</summary>
    public double? BudgetMinutes(string runId) => db.FindRun(runId) is { } run ? TryOptions(run)?.Minutes : null;

    /// <summary>Exports one of the run's checkpoints and makes it the gallery's model; returns the model id. Names not of this run are refused.</summary>
    public Task<string> ActivateAsync(string runId, string checkpointName)
    {
        var path = CheckpointStore.List(folders.For(runId).Path).FirstOrDefault(p => Path.GetFileName(p) == checkpointName)
            ?? throw new InvalidOperationException($"Run {runId} has no checkpoint {checkpointName}.");
        return activator.ActivateAsync(runId, path);
    }

    /// <summary>Keeps every n-th point so at most <paramref name="max"/> remain, always with the last one.</summary>
    public static IReadOnlyList<T> Thin<T>(IReadOnlyList<T> points, int max)
    {
        if (points.Count <= max) return points;
        double step = (points.Count - 1) / (double)(max - 1);
        return Enumerable.Range(0, max).Select(i => points[(int)Math.Round(i * step)]).ToList();
    }

    private IReadOnlyList<string> CheckpointNames(string runId) =>
        CheckpointStore.List(folders.For(runId).Path).Take(3).Select(p => Path.GetFileName(p)).ToList();
}
