namespace ArtGallery.Metrics;

/// <summary>Improved precision and recall, each in [0, 1].</summary>
public sealed record PrecisionRecallResult(double Precision, double Recall);

/// <summary>
/// Improved precision and recall (Kynkäänniemi et al., NeurIPS 2019). Each set's manifold is the union
/// of balls around its points with radius = distance to the point's k-th nearest neighbour in the same set.
/// Precision = share of generated points inside the real manifold (are the fakes realistic?);
/// recall = share of real points inside the generated manifold (is the real variety reproduced?).
/// Mode collapse shows as low recall: a few repeated fakes have tiny balls that cover few real images.
/// Both depend on set sizes: compare only sets of equal size (the evaluator does).
/// </summary>
public static class PrecisionRecall
{
    /// <summary>Precision and recall of <paramref name="fake"/> against <paramref name="real"/> (normalised features).</summary>
    public static PrecisionRecallResult Compute(IReadOnlyList<float[]> real, IReadOnlyList<float[]> fake, int k = 3)
    {
        if (k < 1) throw new ArgumentOutOfRangeException(nameof(k), "k must be at least 1.");
        var realRadii = Neighbours.KthDistances(real, k);
        var fakeRadii = Neighbours.KthDistances(fake, k);
        double precision = Neighbours.InsideAnyBall(fake, real, realRadii).Count(b => b) / (double)fake.Count;
        double recall = Neighbours.InsideAnyBall(real, fake, fakeRadii).Count(b => b) / (double)real.Count;
        return new PrecisionRecallResult(precision, recall);
    }
}
