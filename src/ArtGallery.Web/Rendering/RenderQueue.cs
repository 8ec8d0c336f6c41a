using System.Threading.Channels;
using ArtGallery.Web.Infrastructure;
using Microsoft.Extensions.Options;

namespace ArtGallery.Web.Rendering;

/// <summary>
/// Bounded queue of render jobs served by dedicated worker threads, each owning its own generators, so torch work
/// never runs on a circuit or request thread and callers wait (back-pressure) when it is full.
/// </summary>
public sealed partial class RenderQueue : IDisposable
{
    private readonly Channel<Action<GeneratorPool>> channel;
    private readonly List<Thread> workers = [];
    private readonly ILogger<RenderQueue> logger;
    private readonly ModelCatalog catalog;
    private readonly string device;

    /// <summary>Starts the worker threads.</summary>
    public RenderQueue(IOptions<ArtGalleryOptions> options, ModelCatalog catalog, ILogger<RenderQueue> logger)
    {
        this.logger = logger;
        this.catalog = catalog;
        var o = options.Value;
        device = o.Device;
        channel = Channel.CreateBounded<Action<GeneratorPool>>(new BoundedChannelOptions(o.RenderQueueCapacity) { FullMode = BoundedChannelFullMode.Wait });
        for (int i = 0; i < o.RenderWorkers; i++)
        {
            var thread = new Thread(() => Work(new GeneratorPool(catalog, o.Device))) { IsBackground = true, Name = $"render-{i}" };
            workers.Add(thread);
            thread.Start();
        }
    }

    /// <summary>Jobs waiting now.</summary>
    public int Pending => channel.Reader.Count;

    /// <summary>Runs <paramref name="work"/> on a render worker; waits for room when the queue is full.</summary>
    public async Task<T> RunAsync<T>(Func<GeneratorPool, T> work, CancellationToken cancel = default)
    {
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        await channel.Writer.WriteAsync(pool =>
        {
            if (cancel.IsCancellationRequested) { done.TrySetCanceled(cancel); return; }
            try { done.TrySetResult(work(pool)); }
            catch (Exception ex) { done.TrySetException(ex); }
        }, cancel);
        return await done.Task.WaitAsync(cancel);
    }

    /// <summary>
    /// Runs long work (direction finding takes seconds) on its own thread with its own generators, so the gallery's
    /// renders never queue behind it.
    /// </summary>
    public Task<T> RunIsolatedAsync<T>(Func<GeneratorPool, T> work)
    {
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            using var pool = new GeneratorPool(catalog, device);
            try { done.TrySetResult(work(pool)); }
            catch (Exception ex) { done.TrySetException(ex); }
        }) { IsBackground = true, Name = "render-isolated" };
        thread.Start();
        return done.Task;
    }

    private void Work(GeneratorPool pool)
    {
        using (pool)
        {
            // A dedicated thread may block: torch state (dispose scopes, inference mode) is per OS thread anyway.
            while (channel.Reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
            {
                while (channel.Reader.TryRead(out var job))
                {
                    try { job(pool); }
                    catch (Exception ex) { LogJobFailed(logger, ex); }
                }
            }
        }
    }

    /// <summary>Stops accepting jobs and lets the workers finish.</summary>
    public void Dispose()
    {
        channel.Writer.TryComplete();
        foreach (var t in workers) t.Join(TimeSpan.FromSeconds(10));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A render job failed outside its own handler")]
    private static partial void LogJobFailed(ILogger logger, Exception ex);
}
