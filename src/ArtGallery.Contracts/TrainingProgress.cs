namespace ArtGallery.Contracts;

/// <summary>A progress report from the engine's Trainer.Run; paths are non-null only when that file was just written.
/// Losses are the latest finite ones; <see cref="SkippedUpdates"/> counts updates dropped for a non-finite loss or gradient.</summary>
public sealed record TrainingProgress(
    string Phase,
    int Resolution,
    double Alpha,
    double Kimg,
    double TotalKimg,
    double LossD,
    double LossG,
    double ImagesPerSecond,
    TimeSpan? Eta,
    double AugmentP,
    double? Diversity,
    bool CollapseWarning,
    string? SampleGridPath,
    string? CheckpointPath,
    long SkippedUpdates = 0);
