using ArtGallery.Contracts;

namespace ArtGallery.Web.Training;

/// <summary>A command for the training service.</summary>
public abstract record TrainingCommand
{
    /// <summary>Start a new run.</summary>
    public sealed record Start(TrainingRequest Request) : TrainingCommand;

    /// <summary>Stop the current run with a checkpoint, resumable later.</summary>
    public sealed record Pause : TrainingCommand;

    /// <summary>Continue a paused or interrupted run.</summary>
    public sealed record Resume(string RunId) : TrainingCommand;

    /// <summary>Train a finished (or stopped) run on: its last phase becomes <paramref name="FinalKimg"/> long, within <paramref name="Minutes"/>.</summary>
    public sealed record Extend(string RunId, double FinalKimg, double Minutes) : TrainingCommand
    {
        /// <summary>Null when the run can be extended to that length, else why not.</summary>
        public static string? Problem(ArtGallery.Data.TrainingRunRecord run, double finalKimg, double minutes) =>
            !RunsService.CanExtend(run) ? $"Run {run.Id} is {run.Status.ToText()}; only finished or stopped runs are extended."
            : finalKimg is not (> 0 and <= 10_000) || !double.IsFinite(finalKimg) ? "The last phase must be 0..10000 kimg long."
            : minutes is not (>= 0.1 and <= 1440) ? "Minutes must be 0.1..1440."
            : null;
    }

    /// <summary>Train the detail model of a run or gallery model (in the worker, like a run).</summary>
    public sealed record Detail(DetailJobs.DetailTrainingRequest Request) : TrainingCommand;

    /// <summary>Stop the current run for good (it keeps its checkpoints).</summary>
    public sealed record Stop : TrainingCommand;
}
