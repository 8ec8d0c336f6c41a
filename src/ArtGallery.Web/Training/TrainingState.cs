namespace ArtGallery.Web.Training;

/// <summary>In-process view of the current run for pages (singleton notifier: pages subscribe, marshal with InvokeAsync, unsubscribe on dispose).</summary>
public sealed class TrainingState
{
    private const int MaxSamples = 24, MaxPoints = 300;
    private readonly Lock gate = new();
    private readonly List<SampleDto> samples = [];
    private readonly List<TrainingProgressDto> history = [];

    /// <summary>Raised after any change; handlers must marshal to their own context.</summary>
    public event Action? Changed;

    /// <summary>Latest progress (null before the first run).</summary>
    public TrainingProgressDto? Current { get; private set; }

    /// <summary>Text status: idle, starting, running, paused, stopped, finished, failed.</summary>
    public string Status { get; private set; } = "idle";

    /// <summary>The active or last run id.</summary>
    public string? RunId { get; private set; }

    /// <summary>Last error or notice for the admin.</summary>
    public string? Message { get; private set; }

    /// <summary>Recent sample grids, oldest first (bounded).</summary>
    public IReadOnlyList<SampleDto> Samples { get { lock (gate) return samples.ToList(); } }

    /// <summary>Recent progress points for charts (bounded).</summary>
    public IReadOnlyList<TrainingProgressDto> History { get { lock (gate) return history.ToList(); } }

    /// <summary>When the worker reported the current run started training (UTC): its time budget counts from there.</summary>
    public DateTime? RunningSince { get; private set; }

    /// <summary>True while a run is starting or running.</summary>
    public bool IsBusy => Status is "starting" or "running";

    internal void Begin(string runId, string status)
    {
        lock (gate)
        {
            if (RunId != runId) { samples.Clear(); history.Clear(); }
            (RunId, Status, Message) = (runId, status, null);
            RunningSince = status == "running" ? DateTime.UtcNow : null;
        }
        Changed?.Invoke();
    }

    internal void Report(TrainingProgressDto p, SampleDto? sample)
    {
        lock (gate)
        {
            Current = p;
            history.Add(p);
            if (history.Count > MaxPoints) history.RemoveRange(0, history.Count - MaxPoints);
            if (sample is not null)
            {
                samples.Add(sample);
                if (samples.Count > MaxSamples) samples.RemoveAt(0);
            }
        }
        Changed?.Invoke();
    }

    internal void End(string status, string? message = null)
    {
        (Status, Message) = (status, message);
        if (Current is not null) Current = Current with { Status = status };
        Changed?.Invoke();
    }

    internal void Notice(string message)
    {
        Message = message;
        Changed?.Invoke();
    }
}
