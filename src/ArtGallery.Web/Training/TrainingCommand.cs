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

    /// <summary>Stop the current run for good (it keeps its checkpoints).</summary>
    public sealed record Stop : TrainingCommand;
}
