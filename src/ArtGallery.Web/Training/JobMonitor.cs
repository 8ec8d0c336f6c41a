using ArtGallery.Contracts;
using ArtGallery.Web.Training.DetailJobs;

namespace ArtGallery.Web.Training;

/// <summary>What kind of job holds the training worker.</summary>
public enum JobKind
{
    /// <summary>A GAN training run.</summary>
    Run,

    /// <summary>A detail model's training.</summary>
    Detail,
}

/// <summary>
/// The current (or last) training job as pages and the status APIs see it: one <see cref="Changed"/> event and one
/// <see cref="Busy"/> flag for both kinds of job, the run's live view and the detail job's. Only the jobs write it (through
/// their <see cref="Jobs.JobSink"/>); pages subscribe, marshal with InvokeAsync and unsubscribe on dispose.
/// </summary>
public sealed class JobMonitor
{
    /// <summary>Raised after any change; handlers must marshal to their own context.</summary>
    public event Action? Changed;

    /// <summary>The kind of job holding the worker; null when idle.</summary>
    public JobKind? Job { get; private set; }

    /// <summary>True while a run or a detail job holds the worker (one at a time: training takes every core).</summary>
    public bool Busy => Job is not null;

    /// <summary>The current or last GAN run.</summary>
    public RunView Run { get; } = new();

    /// <summary>The current or last detail job.</summary>
    public DetailView Detail { get; } = new();

    /// <summary>Reads several fields as one state: a job can end between two plain reads (busy already false, status still running).</summary>
    public T Read<T>(Func<JobMonitor, T> read)
    {
        lock (gate) return read(this);
    }

    internal void RunStarting(string runId) => Raise(() => { Job = JobKind.Run; Run.Begin(runId); });

    internal void RunRunning(string runId) => Raise(() => Run.Running(runId));

    internal void RunReport(TrainingProgressDto progress, SampleDto? sample) => Raise(() => Run.Report(progress, sample));

    internal void RunEnded(JobStatus status, string? message) => Raise(() => { Job = null; Run.End(status, message); });

    internal void RunNotice(string message) => Raise(() => Run.Message = message);

    internal void DetailStarting(string target) => Raise(() => { Job = JobKind.Detail; Detail.Begin(target); });

    internal void DetailReport(DetailProgressDto progress) => Raise(() => Detail.Current = progress);

    internal void DetailSample(DetailSampleDto sample) => Raise(() => Detail.LastSample = sample);

    internal void DetailEnded(JobStatus status, string? message) => Raise(() => { Job = null; Detail.End(status, message); });

    internal void DetailNotice(string message) => Raise(() => Detail.Message = message);

    private readonly Lock gate = new();

    private void Raise(Action change)
    {
        lock (gate) change();
        Changed?.Invoke();
    }
}

/// <summary>A GAN run's live view: status, progress, recent sample grids and chart points (bounded).</summary>
public sealed class RunView
{
    private const int MaxSamples = 24, MaxPoints = 300;
    private readonly Lock gate = new();
    private readonly List<SampleDto> samples = [];
    private readonly List<TrainingProgressDto> history = [];

    /// <summary>Idle before the first run, then the run's status.</summary>
    public JobStatus Status { get; private set; } = JobStatus.Idle;

    /// <summary>The active or last run id.</summary>
    public string? RunId { get; private set; }

    /// <summary>Latest progress (null before the first report).</summary>
    public TrainingProgressDto? Current { get; private set; }

    /// <summary>How the run ended, or why a command was refused.</summary>
    public string? Message { get; internal set; }

    /// <summary>When the worker reported the current run started training (UTC): its time budget counts from there.</summary>
    public DateTime? RunningSince { get; private set; }

    /// <summary>Recent sample grids, oldest first.</summary>
    public IReadOnlyList<SampleDto> Samples { get { lock (gate) return [.. samples]; } }

    /// <summary>Recent progress points for charts.</summary>
    public IReadOnlyList<TrainingProgressDto> History { get { lock (gate) return [.. history]; } }

    internal void Begin(string runId)
    {
        lock (gate)
        {
            if (RunId != runId) { samples.Clear(); history.Clear(); }
            (RunId, Status, Message, RunningSince) = (runId, JobStatus.Starting, null, null);
        }
    }

    internal void Running(string runId) => (RunId, Status, RunningSince) = (runId, JobStatus.Running, DateTime.UtcNow);

    internal void Report(TrainingProgressDto p, SampleDto? sample)
    {
        lock (gate)
        {
            Current = p;
            history.Add(p);
            if (history.Count > MaxPoints) history.RemoveRange(0, history.Count - MaxPoints);
            if (sample is null) return;
            samples.Add(sample);
            if (samples.Count > MaxSamples) samples.RemoveAt(0);
        }
    }

    internal void End(JobStatus status, string? message)
    {
        (Status, Message) = (status, message);
        if (Current is not null) Current = Current with { Status = status };
    }
}

/// <summary>A detail job's live view: progress, the newest strip and how it ended.</summary>
public sealed class DetailView
{
    /// <summary>Latest progress (null before the first job).</summary>
    public DetailProgressDto? Current { get; internal set; }

    /// <summary>The newest sample strip of the current job.</summary>
    public DetailSampleDto? LastSample { get; internal set; }

    /// <summary>How the last job ended, or why a request was refused.</summary>
    public string? Message { get; internal set; }

    internal void Begin(string target) => (Current, LastSample, Message) = (DetailProgressDto.Starting(target), null, null);

    internal void End(JobStatus status, string? message)
    {
        if (Current is not null) Current = Current with { Status = status };
        Message = message;
    }
}
