using ArtGallery.Imaging;

namespace ArtGallery.Gan.Training;

/// <summary>The engine's draws from the shared <see cref="SplitMix64"/> core; its whole state is one ulong, so checkpoints can
/// store and restore it exactly.</summary>
public sealed class GanRandom
{
    private readonly SplitMix64 core;

    /// <summary>Creates a generator from a seed.</summary>
    public GanRandom(ulong state) => core = new SplitMix64(state);

    /// <summary>The full internal state (save it to resume the exact sequence).</summary>
    public ulong State { get => core.State; set => core.State = value; }

    /// <summary>Next 64 random bits.</summary>
    public ulong NextUInt64() => core.Next();

    /// <summary>Uniform integer in [0, count).</summary>
    public int NextInt(int count) => (int)(NextUInt64() % (ulong)count);

    /// <summary>Uniform double in [0, 1).</summary>
    public double NextDouble() => core.NextDouble();

    /// <summary>Standard normal sample (Box-Muller), the same on every platform.</summary>
    public float NextGaussian() => (float)core.NextGaussian();

    /// <summary>Mixes two values into a well-spread 64-bit seed (for per-step torch seeds): the first draw from their pair state.</summary>
    public static ulong Mix(long a, long b) => new SplitMix64(SplitMix64.PairState(a, b)).Next();
}
