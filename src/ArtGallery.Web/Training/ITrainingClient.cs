namespace ArtGallery.Web.Training;

/// <summary>What the training hub (<c>/hubs/training</c>) pushes to admins: every report the <see cref="JobMonitor"/> gets.
/// Strongly typed, shared with .NET clients; <c>artgallery watch URL</c> is one (docs/CONTRACTS.md).</summary>
public interface ITrainingClient
{
    /// <summary>A run's progress (its last message carries how it ended).</summary>
    Task Progress(TrainingProgressDto p);

    /// <summary>A new sample grid was written.</summary>
    Task Sample(SampleDto s);

    /// <summary>Progress of the detail job (its last message carries how it ended).</summary>
    Task DetailProgress(DetailJobs.DetailProgressDto p);

    /// <summary>A new LR | detail output | HR strip of the detail job.</summary>
    Task DetailSample(DetailJobs.DetailSampleDto s);
}
