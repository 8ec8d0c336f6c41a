using ArtGallery.Contracts;

namespace ArtGallery.Web.Training;

/// <summary>A run's progress report as the status API and the page see it. <see cref="SkippedUpdates"/>: updates the engine
/// dropped for a non-finite loss or gradient or a libtorch fault since the run (re)started (TrainingProgress.SkippedUpdates);
/// 0 is the expected value.</summary>
public sealed record TrainingProgressDto(
    string RunId, JobStatus Status, string Phase, int Resolution, double Alpha, double Kimg, double TotalKimg,
    double LossD, double LossG, double ImagesPerSecond, double? EtaSeconds, double AugmentP, double? Diversity, bool CollapseWarning,
    long SkippedUpdates = 0)
{
    /// <summary>The report of a running run.</summary>
    public static TrainingProgressDto From(string runId, TrainingProgress p) =>
        new(runId, JobStatus.Running, p.Phase, p.Resolution, p.Alpha, p.Kimg, p.TotalKimg, p.LossD, p.LossG, p.ImagesPerSecond,
            p.Eta?.TotalSeconds, p.AugmentP, p.Diversity, p.CollapseWarning, p.SkippedUpdates);

    /// <summary>The chart point of this report (the same shape the run folder's progress.csv holds).</summary>
    public Gan.Training.ProgressPoint ToPoint() => new(Kimg, LossD, LossG, ImagesPerSecond, AugmentP, Diversity);
}

/// <summary>A sample grid: its URL (admin only) and when in training it was drawn.</summary>
public sealed record SampleDto(string RunId, double Kimg, string Url)
{
    /// <summary>The admin-only URL of a run's grid (the file name changes with every grid, so browsers never show a stale one).</summary>
    public static SampleDto For(string runId, string fileName, double kimg) =>
        new(runId, kimg, $"/api/training/runs/{Uri.EscapeDataString(runId)}/samples/{Uri.EscapeDataString(fileName)}");
}
