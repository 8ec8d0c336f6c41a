namespace ArtGallery.Metrics;

/// <summary>Distribution of families among real and generated images.</summary>
/// <param name="Labels">Family names.</param>
/// <param name="RealShares">Share of real images per family (as the classifier sees them).</param>
/// <param name="FakeShares">Share of generated images per family.</param>
/// <param name="Covered">Families whose generated share is at least <see cref="FamilyCoverage.MinShareOfUniform"/> x the uniform share.</param>
/// <param name="KlRealToFake">KL(real || generated) in nats, both sides smoothed with 0.5 per family.</param>
public sealed record FamilyCoverageResult(IReadOnlyList<string> Labels, IReadOnlyList<double> RealShares, IReadOnlyList<double> FakeShares, int Covered, double KlRealToFake)
{
    /// <summary>Number of families.</summary>
    public int Families => Labels.Count;
}

/// <summary>
/// Family coverage: which built-in families the generated images belong to. Both sides are labelled by
/// the same <see cref="FamilyClassifier"/>, so its few mistakes affect real and generated alike instead of
/// showing up as a spurious divergence. A family counts as covered when it gets at least a quarter of the
/// share a uniform split would give it (1/32 with 8 families). KL(real || generated) = sum_f p_f ln(p_f / q_f)
/// punishes missing families hard; a pseudo-count of 0.5 per family (Jeffreys) keeps it finite.
/// </summary>
public static class FamilyCoverage
{
    /// <summary>Fraction of the uniform share a family needs to count as covered.</summary>
    public const double MinShareOfUniform = 0.25;

    private const double PseudoCount = 0.5;

    /// <summary>Coverage from predicted family indices of real and generated images.</summary>
    public static FamilyCoverageResult Compute(IReadOnlyList<int> realFamilies, IReadOnlyList<int> fakeFamilies, IReadOnlyList<string> labels)
    {
        if (realFamilies.Count == 0 || fakeFamilies.Count == 0) throw new MetricsException("Family coverage needs real and generated images.");
        int f = labels.Count;
        var real = Shares(realFamilies, f, 0);
        var fake = Shares(fakeFamilies, f, 0);
        var realSmooth = Shares(realFamilies, f, PseudoCount);
        var fakeSmooth = Shares(fakeFamilies, f, PseudoCount);
        double kl = 0;
        for (int i = 0; i < f; i++) kl += realSmooth[i] * Math.Log(realSmooth[i] / fakeSmooth[i]);
        int covered = fake.Count(s => s >= MinShareOfUniform / f);
        return new FamilyCoverageResult([.. labels], real, fake, covered, Math.Max(0, kl));
    }

    /// <summary>Classifies both image sets with <paramref name="classifier"/>, then computes coverage.</summary>
    public static FamilyCoverageResult Compute(FamilyClassifier classifier, IReadOnlyList<float[]> real, IReadOnlyList<float[]> fake, int resolution)
        => Compute(classifier.Predict(real, resolution), classifier.Predict(fake, resolution), classifier.Labels);

    private static double[] Shares(IReadOnlyList<int> families, int count, double pseudo)
    {
        var shares = Enumerable.Repeat(pseudo, count).ToArray();
        foreach (int x in families)
        {
            if ((uint)x >= (uint)count) throw new ArgumentOutOfRangeException(nameof(families), $"Family index {x} is out of range.");
            shares[x]++;
        }
        double total = families.Count + pseudo * count;
        for (int i = 0; i < count; i++) shares[i] /= total;
        return shares;
    }
}
