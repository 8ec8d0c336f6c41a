using ArtGallery.Gan.Training;

namespace ArtGallery.Gan.Tests;

/// <summary>The engine's PRNG pinned to its values before the SplitMix64 copies were merged: every latent (so every
/// favorite and URL), batch order and checkpointed RNG state depends on them.</summary>
public sealed class GanRandomGoldenTests
{
    [Fact]
    public void Sequence_Seed424242_MatchesGoldenValuesAndState()
    {
        var r = new GanRandom(424242);
        Assert.Equal([14436730839898477291UL, 13498596972625284250UL, 3817912305944005771UL], Draw(3, r.NextUInt64));
        Assert.Equal([571, 743, 60, 381], Draw(4, () => r.NextInt(1000)));
        Assert.Equal([0.45842356816956564, 0.252858779026534, 0.8296393101085389], Draw(3, r.NextDouble));
        Assert.Equal([-0.37631088f, -0.12418058f, 0.0006945663f], Draw(3, r.NextGaussian));
        Assert.Equal(16390740445785635458UL, r.State);
    }

    [Fact]
    public void MixAndLatent_MatchGoldenValues()
    {
        Assert.Equal([16294208416658607535UL, 12081375760165610222UL, 1554246511630361174UL], new[] { GanRandom.Mix(0, 0), GanRandom.Mix(7, 1), GanRandom.Mix(-3, 0x5EED) });
        Assert.Equal([-0.3784111f, -1.2845974f, 1.6057417f, -0.5399642f, 0.81333476f, -0.045374636f], Sampling.Rendering.Latent(17, 6));
    }

    private static T[] Draw<T>(int n, Func<T> next) => [.. Enumerable.Range(0, n).Select(_ => next())];
}
