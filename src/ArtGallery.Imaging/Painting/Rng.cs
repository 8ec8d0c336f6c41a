namespace ArtGallery.Imaging;

/// <summary>The painter's draws (24-bit floats, ranges, chances) from the shared <see cref="SplitMix64"/> core.</summary>
internal sealed class Rng(ulong seed)
{
    private readonly SplitMix64 core = new(seed);

    public ulong Next() => core.Next();

    /// <summary>Uniform in [0, 1).</summary>
    public float Float() => (Next() >> 40) * (1f / (1 << 24));

    /// <summary>Uniform in [lo, hi).</summary>
    public float Range(float lo, float hi) => lo + (hi - lo) * Float();

    /// <summary>Uniform integer in [0, n).</summary>
    public int Int(int n) => (int)((Next() >> 33) % (ulong)n);

    public bool Chance(float p) => Float() < p;

    public uint NextSeed() => (uint)Next();

    /// <summary>Mixes two integers into a well-spread 64-bit seed: the second draw from their pair state (the painter's
    /// historical choice, unlike the engine's first draw; both are pinned by golden tests).</summary>
    public static ulong Mix(long a, long b)
    {
        var r = new SplitMix64(SplitMix64.PairState(a, b));
        r.Next();
        return r.Next();
    }
}
