namespace ArtGallery.Web.Training.DetailJobs;

/// <summary>In-process view of the current (or last) detail job for pages: the singleton notifier TrainingState is for GAN runs.</summary>
public sealed class DetailTrainingState
{
    private readonly Lock gate = new();

    /// <summary>Raised after any change; handlers must marshal to their own context.</summary>
    public event Action? Changed;

    /// <summary>Latest progress (null before the first job).</summary>
    public DetailProgressDto? Current { get; private set; }

    /// <summary>The newest sample strip of the current job.</summary>
    public DetailSampleDto? LastSample { get; private set; }

    /// <summary>How the last job ended, or why a request was refused.</summary>
    public string? Message { get; private set; }

    /// <summary>True while a job is starting, calibrating or training.</summary>
    public bool IsBusy => Current?.Status is "starting" or "calibrating" or "running";

    internal void Begin(string target)
    {
        lock (gate) (Current, LastSample, Message) = (DetailProgressDto.Starting(target), null, null);
        Changed?.Invoke();
    }

    internal void Report(DetailProgressDto progress)
    {
        lock (gate) Current = progress;
        Changed?.Invoke();
    }

    internal void Sample(DetailSampleDto sample)
    {
        lock (gate) LastSample = sample;
        Changed?.Invoke();
    }

    internal void End(string status, string? message)
    {
        lock (gate)
        {
            if (Current is not null) Current = Current with { Status = status };
            Message = message;
        }
        Changed?.Invoke();
    }

    internal void Notice(string message)
    {
        Message = message;
        Changed?.Invoke();
    }
}
