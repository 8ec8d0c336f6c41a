namespace ArtGallery.Metrics;

/// <summary>
/// FD and KID of the generated images and, as the floor, of a disjoint real half, each against the real
/// reference half, in pretrained-network features (Kynkäänniemi et al. 2023 caveat: README.md).
/// </summary>
public sealed record PretrainedDistances(double FdGenerated, double FdRealVsReal, KernelDistanceResult KidGenerated, KernelDistanceResult KidRealVsReal)
{
    /// <summary>Extracts features of the three sets with <paramref name="features"/> and measures both pairs.</summary>
    public static PretrainedDistances Measure(Func<IReadOnlyList<float[]>, int, float[][]> features,
        IReadOnlyList<float[]> reference, IReadOnlyList<float[]> realHalf, IReadOnlyList<float[]> generated, int resolution)
    {
        var a = features(reference, resolution);
        var b = features(realHalf, resolution);
        var g = features(generated, resolution);
        return new PretrainedDistances(FrechetDistance.Compute(g, a), FrechetDistance.Compute(b, a),
            KernelDistance.Compute(g, a), KernelDistance.Compute(b, a));
    }
}
