using System.Collections.Concurrent;
using ArtGallery.Imaging;

namespace ArtGallery.Web.Rendering;

/// <summary>
/// Prints the dialog downloads with progress: a print renders here (through the same print queue as the HTTP endpoint)
/// while the dialog shows its stage, then the browser fetches the finished file from <c>GET /api/prints/{id}</c>.
/// The id is a random 128-bit name, so only the page that started the job can fetch it. Finished files are kept
/// <see cref="KeepFor"/> and at most <see cref="MaxKept"/> at once (each is tens of MB).
/// </summary>
public sealed class PrintJobs(IArtRenderer renderer)
{
    /// <summary>How long a finished print waits for its download.</summary>
    public static readonly TimeSpan KeepFor = TimeSpan.FromMinutes(10);

    /// <summary>Finished prints kept at once; the oldest is dropped first.</summary>
    public const int MaxKept = 4;

    private readonly ConcurrentDictionary<string, PrintJob> jobs = new();

    /// <summary>Starts rendering a print; the job reports its stage and completes with the PNG.</summary>
    public PrintJob Start(ArtworkRequest request, PrintSpec spec, double crop, int candidate, string fileName)
    {
        var job = new PrintJob(Guid.NewGuid().ToString("N"), fileName);
        jobs[job.Id] = job;
        job.Run(renderer.PrintAsync(request, spec, crop, candidate, Upscaler.Detail, CancellationToken.None, job));
        _ = ForgetLater(job);
        return job;
    }

    /// <summary>The job with this id, if it is still kept.</summary>
    public PrintJob? Find(string id) => jobs.GetValueOrDefault(id);

    private async Task ForgetLater(PrintJob job)
    {
        await job.Completion.ContinueWith(_ => { }, TaskScheduler.Default);
        foreach (var old in jobs.Values.Where(j => j.Completion.IsCompleted).OrderByDescending(j => j.Finished).Skip(MaxKept))
            jobs.TryRemove(old.Id, out _);
        await Task.Delay(KeepFor);
        jobs.TryRemove(job.Id, out _);
    }
}

/// <summary>One print being rendered for a download: its stage (raised on change) and the finished PNG.</summary>
public sealed class PrintJob(string id, string fileName) : IProgress<PrintStage>
{
    private readonly TaskCompletionSource<byte[]> done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The download's name in <c>/api/prints/{id}</c>.</summary>
    public string Id { get; } = id;

    /// <summary>The file name the browser saves.</summary>
    public string FileName { get; } = fileName;

    /// <summary>The stage now.</summary>
    public PrintStage Stage { get; private set; } = PrintStage.Waiting;

    /// <summary>When it finished (UTC), or null.</summary>
    public DateTime? Finished { get; private set; }

    /// <summary>Raised when the stage changes or the job ends (on a worker thread: marshal before touching UI).</summary>
    public event Action? Changed;

    /// <summary>Completes with the PNG; faults with the renderer's exception (queue full, model unloadable).</summary>
    public Task<byte[]> Completion => done.Task;

    /// <summary>Where the browser downloads the finished file.</summary>
    public string DownloadUrl => $"/api/prints/{Id}";

    /// <inheritdoc />
    public void Report(PrintStage value)
    {
        Stage = value;
        Changed?.Invoke();
    }

    internal async void Run(Task<byte[]> render)
    {
        try { done.TrySetResult(await render); }
        catch (Exception ex) { done.TrySetException(ex); }
        Finished = DateTime.UtcNow;
        Changed?.Invoke();
    }
}
