using ArtGallery.Web.Hosting;
using Microsoft.Extensions.Options;

namespace ArtGallery.Web.Rendering;

/// <summary>Thrown when too many prints already wait; endpoints answer 429.</summary>
public sealed class PrintQueueFullException() : Exception("Too many prints are being rendered; try again in a minute.");

/// <summary>Serialises heavy print renders (hundreds of MB each) so concurrent requests queue instead of exhausting memory.</summary>
public sealed class PrintQueue(IOptions<ArtGalleryOptions> options)
{
    private readonly SemaphoreSlim slots = new(options.Value.PrintConcurrency);
    private int waiting;

    /// <summary>Prints waiting or rendering now.</summary>
    public int InFlight => Volatile.Read(ref waiting);

    /// <summary>Runs <paramref name="work"/> when a print slot is free; refuses when the line is full.</summary>
    public async Task<T> RunAsync<T>(Func<Task<T>> work, CancellationToken cancel)
    {
        if (Interlocked.Increment(ref waiting) > options.Value.PrintQueueCapacity + options.Value.PrintConcurrency)
        {
            Interlocked.Decrement(ref waiting);
            throw new PrintQueueFullException();
        }
        try
        {
            await slots.WaitAsync(cancel);
            try { return await work(); }
            finally { slots.Release(); }
        }
        finally
        {
            Interlocked.Decrement(ref waiting);
        }
    }
}
