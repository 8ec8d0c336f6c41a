namespace ArtGallery.Metrics.Tests;

/// <summary>The metrics' PRNG (k-means starts, the random conv net's weights, the A/B split) pinned to its values before the
/// SplitMix64 copies were merged: every reference metric depends on them.</summary>
public sealed class SeededRandomGoldenTests
{
    [Fact]
    public void Sequence_Seed98765_MatchesGoldenValues()
    {
        var r = new SeededRandom(98765);
        Assert.Equal([14834409798298994119UL, 4778318635045197116UL, 17071537408734215177UL], Draw(3, r.NextUInt64));
        Assert.Equal([0.5543210280576909, 0.8148079259624953, 0.7051381826251321], Draw(3, r.NextDouble));
        Assert.Equal([257, 370, 466, 100], Draw(4, () => r.NextInt(1000)));
        Assert.Equal([-0.5046950850821081, -0.24950248161943536, 0.5173136830304147], Draw(3, r.NextGaussian));
        var items = Enumerable.Range(0, 10).ToList();
        r.Shuffle(items);
        Assert.Equal([8, 5, 6, 4, 9, 2, 1, 0, 7, 3], items);
    }

    private static T[] Draw<T>(int n, Func<T> next) => [.. Enumerable.Range(0, n).Select(_ => next())];
}
