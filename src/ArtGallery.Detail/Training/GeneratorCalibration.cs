using ArtGallery.Gan.Sampling;

namespace ArtGallery.Detail.Training;

/// <summary>Fits the degradation of a generator from its own samples (8-bit, as served) and real images of the source.</summary>
public static class GeneratorCalibration
{
    /// <summary>Compares <paramref name="count"/> samples (seeds 0..count-1) with <paramref name="count"/> real images at 4x the generator's side;
    /// <paramref name="cancel"/> is honoured between images and candidates (a stop while calibrating is a stop, not a kill).</summary>
    public static CalibrationResult Fit(ArtGenerator generator, IHighResSource source, int count = 256, CancellationToken cancel = default)
    {
        int res = generator.Resolution;
        var samples = generator.RenderBatch([.. Enumerable.Range(0, count).Select(i => generator.LatentFor(i))]);
        var quantised = samples.Select(Quantise).ToList();
        var real = new List<float[]>(count);
        for (int i = 0; i < count; i++)
        {
            cancel.ThrowIfCancellationRequested();
            real.Add(source.Square(i, res * Network.DetailNet.Scale));
        }
        return SpectrumCalibration.Fit(quantised, real, res, cancel: cancel);
    }

    private static float[] Quantise(float[] chw)
    {
        var q = new float[chw.Length];
        for (int i = 0; i < q.Length; i++) q[i] = MathF.Round((Math.Clamp(chw[i], -1f, 1f) + 1f) * 127.5f) / 127.5f - 1f;
        return q;
    }
}
