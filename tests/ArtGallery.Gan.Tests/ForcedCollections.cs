namespace ArtGallery.Gan.Tests;

/// <summary>Forces gen-0 collections and finalizers on another thread until disposed: the condition under which a
/// Scalar or tensor that native code still reads would be freed (ENGINE.md, "the Scalar race").</summary>
internal sealed class ForcedCollections : IDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly Thread collector;
    private long count;

    public ForcedCollections()
    {
        this.collector = new Thread(() =>
        {
            while (!this.stop.IsCancellationRequested)
            {
                // Generation 0 is where the temporaries live; full collections would slow the steps tenfold.
                GC.Collect(0, GCCollectionMode.Forced, blocking: true);
                GC.WaitForPendingFinalizers();
                Interlocked.Increment(ref this.count);
            }
        }) { IsBackground = true };
        this.collector.Start();
    }

    /// <summary>Collections forced so far.</summary>
    public long Count => Interlocked.Read(ref this.count);

    public void Dispose()
    {
        this.stop.Cancel();
        this.collector.Join();
        this.stop.Dispose();
    }
}
