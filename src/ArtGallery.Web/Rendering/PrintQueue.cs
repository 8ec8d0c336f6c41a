using System.Threading.RateLimiting;
using ArtGallery.Web.Hosting;
using Microsoft.Extensions.Options;

namespace ArtGallery.Web.Rendering;

/// <summary>Thrown when too many prints already wait; endpoints answer 429.</summary>
public sealed class PrintQueueFullException() : Exception("Too many prints are being rendered; try again in a minute.");

/// <summary>Serialises heavy print renders (hundreds of MB each) so concurrent requests queue instead of exhausting memory:
/// a <see cref="ConcurrencyLimiter"/> with PrintConcurrency permits and a line of PrintQueueCapacity, oldest first.</summary>
public sealed class PrintQueue(IOptions<ArtGalleryOptions> options)
{
    private readonly ConcurrencyLimiter slots = new(new ConcurrencyLimiterOptions
    {
        PermitLimit = options.Value.PrintConcurrency,
        QueueLimit = options.Value.PrintQueueCapacity,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
    });
    private int waiting;

    /// <summary>Prints waiting or rendering now.</summary>
    public int InFlight => Volatile.Read(ref waiting);

    /// <summary>Runs <paramref name="work"/> when a print slot is free; refuses when the line is full.</summary>
    public async Task<T> RunAsync<T>(Func<Task<T>> work, CancellationToken cancel)
    {
        Interlocked.Increment(ref waiting);
        try
        {
            using var lease = await slots.AcquireAsync(1, cancel);
            if (!lease.IsAcquired) throw new PrintQueueFullException();
            Imaging.FaultPoint.Reach(Imaging.FaultPoint.PrintRendering);
            return await work();
        }
        finally
        {
            Interlocked.Decrement(ref waiting);
        }
    }
}
