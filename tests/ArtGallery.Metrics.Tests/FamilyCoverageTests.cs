namespace ArtGallery.Metrics.Tests;

public class FamilyCoverageTests
{
    private static readonly string[] Labels = ["a", "b", "c", "d", "e", "f", "g", "h"];

    [Fact]
    public void Compute_SameBalancedDistribution_AllCoveredKlZero()
    {
        var families = Enumerable.Range(0, 400).Select(i => i % 8).ToArray();
        var result = FamilyCoverage.Compute(families, families, Labels);
        Assert.Equal(8, result.Covered);
        Assert.Equal(0.0, result.KlRealToFake, 9);
    }

    [Fact]
    public void Compute_GeneratedOnlyTwoFamilies_TwoCoveredLargeKl()
    {
        var real = Enumerable.Range(0, 400).Select(i => i % 8).ToArray();
        var fake = Enumerable.Range(0, 400).Select(i => i % 2).ToArray();
        var result = FamilyCoverage.Compute(real, fake, Labels);
        Assert.Equal(2, result.Covered);
        Assert.True(result.KlRealToFake > 1.0, $"KL {result.KlRealToFake}");
        Assert.Equal(0.5, result.FakeShares[0], 9);
    }

    [Fact]
    public void Compute_FamilyBelowQuarterOfUniformShare_NotCovered()
    {
        var real = Enumerable.Range(0, 800).Select(i => i % 8).ToArray();
        // Family 7 gets 2% of the generated images (< 25% of 12.5%), the rest share the remainder.
        var fake = Enumerable.Range(0, 800).Select(i => i < 16 ? 7 : i % 7).ToArray();
        Assert.Equal(7, FamilyCoverage.Compute(real, fake, Labels).Covered);
    }
}
