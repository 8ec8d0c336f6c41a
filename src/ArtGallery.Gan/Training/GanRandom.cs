namespace ArtGallery.Gan.Training;

/// <summary>SplitMix64: a tiny RNG whose whole state is one ulong, so checkpoints can store and restore it exactly.</summary>
public sealed class GanRandom
{
    /// <summary>Creates a generator from a seed.</summary>
    public GanRandom(ulong state) => State = state;

    /// <summary>The full internal state (save it to resume the exact sequence).</summary>
    public ulong State { get; set; }

    /// <summary>Next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        ulong z = State += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform integer in [0, count).</summary>
    public int NextInt(int count) => (int)(NextUInt64() % (ulong)count);

    /// <summary>Uniform double in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Standard normal sample (Box-Muller), the same on every platform.</summary>
    public float NextGaussian()
    {
        double u1 = 1.0 - NextDouble(), u2 = NextDouble();
        return (float)(Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2));
    }

    /// <summary>Mixes two values into a well-spread 64-bit seed (for per-step torch seeds).</summary>
    public static ulong Mix(long a, long b) => new GanRandom((ulong)a * 0xD1B54A32D192ED03UL ^ (ulong)b).NextUInt64();
}
