using System.Numerics.Tensors;

namespace ArtGallery.Metrics;

/// <summary>The math the metrics share that <see cref="TensorPrimitives"/> does not have (dot products and sums go to it directly).</summary>
internal static class VectorMath
{
    /// <summary>Squared Euclidean distance of two equal-length spans (TensorPrimitives has the distance, not its square).</summary>
    public static float SquaredDistance(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        float d = TensorPrimitives.Distance(a, b);
        return d * d;
    }

    /// <summary>Complementary error function (Abramowitz &amp; Stegun 7.1.26, |error| &lt; 1.5e-7).</summary>
    public static double Erfc(double x)
    {
        double z = Math.Abs(x), t = 1.0 / (1.0 + 0.3275911 * z);
        double poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
        double r = poly * Math.Exp(-z * z);
        return x >= 0 ? r : 2.0 - r;
    }
}
