namespace ArtGallery.Web.Training;

/// <summary>What the training hub pushes to admins (strongly typed, shared with .NET clients).</summary>
public interface ITrainingClient
{
    /// <summary>Metrics of the running job.</summary>
    Task Progress(TrainingProgressDto p);

    /// <summary>A new sample grid was written.</summary>
    Task Sample(SampleDto s);

    /// <summary>Progress of the detail job (its last message carries how it ended).</summary>
    Task DetailProgress(DetailJobs.DetailProgressDto p);

    /// <summary>A new LR | detail output | HR strip of the detail job.</summary>
    Task DetailSample(DetailJobs.DetailSampleDto s);
}

/// <summary>A progress report as sent over the hub. <see cref="SkippedUpdates"/>: updates the engine dropped for a non-finite
/// loss or gradient or a libtorch fault since the run (re)started (TrainingProgress.SkippedUpdates); 0 is the expected value.</summary>
public sealed record TrainingProgressDto(
    string RunId, string Status, string Phase, int Resolution, double Alpha, double Kimg, double TotalKimg,
    double LossD, double LossG, double ImagesPerSecond, double? EtaSeconds, double AugmentP, double? Diversity, bool CollapseWarning,
    long SkippedUpdates = 0)
{
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
