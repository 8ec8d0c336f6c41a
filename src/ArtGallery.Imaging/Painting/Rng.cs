namespace ArtGallery.Imaging;

/// <summary>SplitMix64: tiny, fast, and stable across .NET versions (System.Random's algorithm is not a contract).</summary>
internal sealed class Rng(ulong seed)
{
    private ulong _state = seed;

    public ulong Next()
    {
        ulong z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform in [0, 1).</summary>
    public float Float() => (Next() >> 40) * (1f / (1 << 24));

    /// <summary>Uniform in [lo, hi).</summary>
    public float Range(float lo, float hi) => lo + (hi - lo) * Float();

    /// <summary>Uniform integer in [0, n).</summary>
    public int Int(int n) => (int)((Next() >> 33) % (ulong)n);

    public bool Chance(float p) => Float() < p;

    public uint NextSeed() => (uint)Next();

    /// <summary>Mixes two integers into a well-spread 64-bit seed.</summary>
    public static ulong Mix(long a, long b)
    {
        var r = new Rng((ulong)a * 0xD1B54A32D192ED03UL ^ (ulong)b);
        r.Next();
        return r.Next();
    }
}
