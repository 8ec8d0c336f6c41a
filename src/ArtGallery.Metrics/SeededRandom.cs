using ArtGallery.Imaging;

namespace ArtGallery.Metrics;

/// <summary>The metrics' draws (integers, shuffles, normals) from the shared <see cref="SplitMix64"/> core, so metric values hang on a
/// fixed sequence rather than on System.Random's implementation.</summary>
internal sealed class SeededRandom(ulong seed)
{
    private readonly SplitMix64 core = new(seed);

    /// <summary>Next 64 random bits.</summary>
    public ulong NextUInt64() => core.Next();

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => core.NextDouble();

    /// <summary>Uniform integer in [0, maxExclusive).</summary>
    public int NextInt(int maxExclusive) => (int)(NextDouble() * maxExclusive);

    /// <summary>Standard normal (Box-Muller).</summary>
    public double NextGaussian() => core.NextGaussian();

    /// <summary>Fisher-Yates shuffle in place.</summary>
    public void Shuffle<T>(IList<T> items)
    {
        for (int i = items.Count - 1; i > 0; i--)
        {
            int j = NextInt(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
