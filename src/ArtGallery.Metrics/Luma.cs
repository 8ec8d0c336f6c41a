namespace ArtGallery.Metrics;

/// <summary>Rec. 601 luma of a CHW picture in [-1, 1], on 0..1.</summary>
public static class Luma
{
    /// <summary>The luma plane, row-major.</summary>
    public static float[] Plane(ReadOnlySpan<float> chw, int width, int height)
    {
        int plane = width * height;
        if (chw.Length < 3 * plane) throw new ArgumentException("Source too small for the size given.");
        var luma = new float[plane];
        for (int i = 0; i < plane; i++) luma[i] = (0.299f * chw[i] + 0.587f * chw[plane + i] + 0.114f * chw[2 * plane + i] + 1f) * 0.5f;
        return luma;
    }
}
