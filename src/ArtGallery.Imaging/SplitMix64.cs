namespace ArtGallery.Imaging;

/// <summary>The project's one PRNG core: SplitMix64, whose sequence is fixed by its seed on every runtime (System.Random's is
/// not a contract). The painter, the metrics and the engine draw from it through their own thin helpers; golden-value tests in
/// each pin what they produce, because the built-in data, the latents and the metrics depend on it.</summary>
public sealed class SplitMix64(ulong state)
{
    private const ulong Gamma = 0x9E3779B97F4A7C15UL, PairMultiplier = 0xD1B54A32D192ED03UL;

    /// <summary>The whole state: save it to resume the exact sequence.</summary>
    public ulong State { get; set; } = state;

    /// <summary>Next 64 random bits.</summary>
    public ulong Next()
    {
        ulong z = State += Gamma;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (Next() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Standard normal (Box-Muller), the same on every platform.</summary>
    public double NextGaussian()
    {
        double u1 = 1.0 - NextDouble(), u2 = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>The starting state for a pair of integers (a seed and a purpose or index).</summary>
    public static ulong PairState(long a, long b) => (ulong)a * PairMultiplier ^ (ulong)b;
}
