using System.Threading.RateLimiting;

namespace ArtGallery.Web.Rendering;

/// <summary>Thrown when a gate's line is full; endpoints answer 429 with <see cref="Title"/> and the message.</summary>
public sealed class QueueFullException(string title, string message) : Exception(message)
{
    /// <summary>ProblemDetails title, e.g. "Print queue full".</summary>
    public string Title { get; } = title;
}

/// <summary>
/// A bounded gate for heavy work (hundreds of MB or a second of CPU each): a <see cref="ConcurrencyLimiter"/> with a few
/// permits and a short line, oldest first; past the line callers get <see cref="QueueFullException"/> at once.
/// Waiting costs no thread and no render worker, so work behind a gate never holds up anything outside it.
/// <paramref name="faultPoint"/> names the point a crash test can stop the process at, once work holds its slot.
/// </summary>
public abstract class WorkGate(int permits, int line, string fullTitle, string fullMessage, string? faultPoint = null)
{
    private readonly ConcurrencyLimiter slots = new(new ConcurrencyLimiterOptions
    {
        PermitLimit = permits,
        QueueLimit = line,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
    });
    private int inFlight, running;

    /// <summary>Work waiting or running now.</summary>
    public int InFlight => Volatile.Read(ref inFlight);

    /// <summary>Work running now (never more than the permits).</summary>
    public int Running => Volatile.Read(ref running);

    /// <summary>Runs <paramref name="work"/> when a slot is free; refuses when the line is full.</summary>
    public async Task<T> RunAsync<T>(Func<Task<T>> work, CancellationToken cancel)
    {
        Interlocked.Increment(ref inFlight);
        try
        {
            using var lease = await slots.AcquireAsync(1, cancel);
            if (!lease.IsAcquired) throw new QueueFullException(fullTitle, fullMessage);
            Interlocked.Increment(ref running);
            if (faultPoint is not null) Imaging.FaultPoint.Reach(faultPoint);
            try { return await work(); }
            finally { Interlocked.Decrement(ref running); }
        }
        finally
        {
            Interlocked.Decrement(ref inFlight);
        }
    }
}
