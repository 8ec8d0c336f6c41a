using System.Globalization;
using ArtGallery.Gan;
using static TorchSharp.torch;

namespace ArtGallery.Detail.Training;

/// <summary>One fitted candidate and the spectra behind it (log10 power per radial frequency bin 1..res/2).</summary>
public sealed record CalibrationResult(DegradationProfile Profile, double Error, double CleanError, double[] Generator, double[] Clean, double[] Fitted)
{
    /// <summary>A small markdown table of the spectra at a few frequencies (cycles per image), for the docs.</summary>
    public string Table()
    {
        var lines = new List<string> { "| cycles/image | real, area-downsampled | real, degraded (fit) | generator samples |", "|---:|---:|---:|---:|" };
        for (int k = 1; k <= Generator.Length; k *= 2)
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"| {k} | {Clean[k - 1]:0.00} | {Fitted[k - 1]:0.00} | {Generator[k - 1]:0.00} |"));
        return string.Join('\n', lines);
    }
}

/// <summary>
/// Fits the degradation to a generator: the radially averaged power spectrum (RAPS) of real images, area-downsampled to
/// the generator's resolution then blurred and noised, is compared with the RAPS of the generator's own samples; a grid
/// search over blur sigma and noise picks the pair with the smallest mean squared log10 difference. Spectra are
/// normalised at the lowest frequencies first so only their shape (how fast detail falls off) is compared.
/// </summary>
public static class SpectrumCalibration
{
    private static readonly double[] Sigmas = Enumerable.Range(0, 26).Select(i => i * 0.08).ToArray();
    private static readonly double[] Noises = [0, 0.004, 0.008, 0.016, 0.032];

    /// <summary>
    /// <paramref name="samples"/>: generator outputs (CHW, side <paramref name="resolution"/>); <paramref name="realHigh"/>:
    /// real images (CHW, side 4x <paramref name="resolution"/>).
    /// </summary>
    public static CalibrationResult Fit(IReadOnlyList<float[]> samples, IReadOnlyList<float[]> realHigh, int resolution, int seed = 1, CancellationToken cancel = default)
    {
        if (samples.Count == 0 || realHigh.Count == 0) throw new ArgumentException("Calibration needs generator samples and real images.");
        using var scope = NewDisposeScope();
        var generator = Spectrum(Batch(samples, resolution));
        var clean = Degradation.AreaDown(Batch(realHigh, resolution * Network.DetailNet.Scale));
        using var rng = new Generator((ulong)seed);
        double Error(double[] s) => Enumerable.Range(0, s.Length).Average(i => Math.Pow(s[i] - generator[i], 2));
        var cleanSpectrum = Spectrum(Degradation.Quantise(clean));
        (DegradationProfile Profile, double Error, double[] Spectrum) best = (DegradationProfile.Clean, Error(cleanSpectrum), cleanSpectrum);
        foreach (double sigma in Sigmas)
            foreach (double noise in Noises)
            {
                cancel.ThrowIfCancellationRequested();
                using var inner = NewDisposeScope();
                var profile = new DegradationProfile(sigma, noise);
                var s = Spectrum(Degradation.Degrade(clean, profile, rng));
                double e = Error(s);
                if (e < best.Error) best = (profile, e, s);
            }
        return new CalibrationResult(best.Profile, best.Error, Error(cleanSpectrum), generator, cleanSpectrum, best.Spectrum);
    }

    /// <summary>log10 of the mean power per radial bin 1..res/2 of the grey images in an NCHW batch (Hann-windowed, mean removed, low band normalised).</summary>
    internal static double[] Spectrum(Tensor batch)
    {
        using var scope = NewDisposeScope();
        long n = batch.shape[0], res = batch.shape[2];
        var grey = batch.mean([1L]);
        grey = grey - grey.mean([1L, 2L], keepdim: true);
        var hann = hann_window(res, periodic: false, dtype: float32, device: batch.device);
        grey = grey * hann.unsqueeze(0).unsqueeze(2) * hann.unsqueeze(0).unsqueeze(1);
        var power = fft.fft2(grey).abs().pow(Scalars.Two).mean([0L]).cpu().data<float>().ToArray();
        int half = (int)res / 2;
        var sum = new double[half];
        var count = new int[half];
        for (int y = 0; y < res; y++)
            for (int x = 0; x < res; x++)
            {
                int fy = y <= res / 2 ? y : y - (int)res, fx = x <= res / 2 ? x : x - (int)res;
                int k = (int)Math.Round(Math.Sqrt(fx * fx + fy * fy));
                if (k < 1 || k > half) continue;
                sum[k - 1] += power[y * res + x];
                count[k - 1]++;
            }
        var log = sum.Select((s, i) => Math.Log10(s / count[i] + 1e-12)).ToArray();
        // The lowest eighth of the band carries the picture's layout, not its sharpness: align the spectra there.
        int low = Math.Max(1, half / 8);
        double offset = log.Take(low).Average();
        return log.Select(v => v - offset).ToArray();
    }

    internal static Tensor Batch(IReadOnlyList<float[]> images, int side)
    {
        var flat = new float[images.Count * 3 * side * side];
        for (int i = 0; i < images.Count; i++)
        {
            if (images[i].Length != 3 * side * side) throw new ArgumentException($"Image {i} is not 3x{side}x{side}.");
            images[i].CopyTo(flat, i * 3 * side * side);
        }
        return tensor(flat, [images.Count, 3, side, side]);
    }
}
