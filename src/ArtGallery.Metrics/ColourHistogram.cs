namespace ArtGallery.Metrics;

/// <summary>
/// Joint 4x4x4 RGB histogram with soft (trilinear) binning, normalised and square-rooted.
/// Soft binning keeps a small colour shift from jumping a whole bin; the square root (Hellinger
/// embedding) makes Euclidean distance between two histograms their Hellinger distance, a proper
/// metric on distributions, instead of letting one dominant colour swamp the rest.
/// </summary>
internal static class ColourHistogram
{
    /// <summary>Bins per channel.</summary>
    public const int BinsPerChannel = 4;

    /// <summary>Output length (64).</summary>
    public const int Length = BinsPerChannel * BinsPerChannel * BinsPerChannel;

    /// <summary>Histogram of a CHW image of side <paramref name="side"/> into <paramref name="destination"/>.</summary>
    public static void Compute(ReadOnlySpan<float> chw, int side, Span<float> destination)
    {
        int plane = side * side;
        destination[..Length].Clear();
        Span<int> lo = stackalloc int[3];
        Span<float> frac = stackalloc float[3];
        for (int p = 0; p < plane; p++)
        {
            for (int c = 0; c < 3; c++)
            {
                // Bin centres sit at u = 0..3; values beyond the outer centres stay in the outer bin.
                float u = Math.Clamp((chw[c * plane + p] + 1f) * 0.5f * BinsPerChannel - 0.5f, 0f, BinsPerChannel - 1f);
                int l = Math.Min((int)u, BinsPerChannel - 2);
                lo[c] = l;
                frac[c] = u - l;
            }
            for (int corner = 0; corner < 8; corner++)
            {
                int r = lo[0] + (corner & 1), g = lo[1] + ((corner >> 1) & 1), b = lo[2] + ((corner >> 2) & 1);
                float w = ((corner & 1) != 0 ? frac[0] : 1 - frac[0])
                    * (((corner >> 1) & 1) != 0 ? frac[1] : 1 - frac[1])
                    * (((corner >> 2) & 1) != 0 ? frac[2] : 1 - frac[2]);
                destination[(r * BinsPerChannel + g) * BinsPerChannel + b] += w;
            }
        }
        for (int i = 0; i < Length; i++) destination[i] = MathF.Sqrt(destination[i] / plane);
    }
}
