using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace ArtGallery.Detail.Training;

/// <summary>Makes low-resolution inputs from high-resolution images (NCHW in [-1, 1]) on the fly: area x4, blur, noise, 8-bit.</summary>
public static class Degradation
{
    private static readonly long[] Pool = [DetailNetScale, DetailNetScale];
    private static readonly Scalar One = 1.0.ToScalar(), MinusOne = (-1.0).ToScalar(), Levels = 127.5.ToScalar();
    private const int DetailNetScale = Network.DetailNet.Scale;

    /// <summary>Degrades one planar RGB image (already at the low resolution) with a seeded noise draw; for benchmarks and previews.</summary>
    public static float[] Apply(float[] chw, int width, int height, DegradationProfile profile, int seed)
    {
        using var scope = NewDisposeScope();
        using var rng = new Generator((ulong)seed);
        return Degrade(tensor(chw, [1, 3, height, width]), profile.Validated(), rng).data<float>().ToArray();
    }

    /// <summary>Exact area average over 4x4 blocks (sides must be multiples of 4).</summary>
    internal static Tensor AreaDown(Tensor hr) => functional.avg_pool2d(hr, Pool);

    /// <summary>Applies <paramref name="profile"/> to an already downsampled batch, then quantises to 8 bits as a saved sample is.</summary>
    internal static Tensor Degrade(Tensor lr, DegradationProfile profile, Generator? rng)
    {
        using var scope = NewDisposeScope();
        var x = Blur(lr, profile.BlurSigma);
        if (profile.Noise > 0)
        {
            using var std = profile.Noise.ToScalar();
            x = x.add(randn(x.shape, generator: rng, device: x.device).mul(std), One);
        }
        return Quantise(x).MoveToOuterDisposeScope();
    }

    /// <summary>Rounds to the nearest of 256 levels and clamps to [-1, 1].</summary>
    internal static Tensor Quantise(Tensor x)
    {
        using var scope = NewDisposeScope();
        var q = x.add(One, One).mul(Levels).round().div(Levels).sub(One);
        return q.clamp(MinusOne, One).MoveToOuterDisposeScope();
    }

    /// <summary>Separable Gaussian blur, reflect-padded so borders stay unbiased; sigma under 0.05 is a no-op.</summary>
    internal static Tensor Blur(Tensor x, double sigma)
    {
        if (sigma < 0.05) return x.alias();
        using var scope = NewDisposeScope();
        var kernel = GaussianKernel(sigma);
        int radius = kernel.Length / 2;
        long channels = x.shape[1];
        var k = tensor(kernel, device: x.device);
        var horizontal = k.reshape(1, 1, 1, kernel.Length).expand(channels, 1, 1, kernel.Length);
        var vertical = k.reshape(1, 1, kernel.Length, 1).expand(channels, 1, kernel.Length, 1);
        int pad = Math.Min(radius, (int)Math.Min(x.shape[2], x.shape[3]) - 1);
        var padded = functional.pad(x, [pad, pad, pad, pad], PaddingModes.Reflect);
        if (pad < radius) padded = functional.pad(padded, [radius - pad, radius - pad, radius - pad, radius - pad], PaddingModes.Replicate);
        var blurred = functional.conv2d(functional.conv2d(padded, horizontal, groups: channels), vertical, groups: channels);
        return blurred.MoveToOuterDisposeScope();
    }

    private static float[] GaussianKernel(double sigma)
    {
        int radius = Math.Max(1, (int)Math.Ceiling(3 * sigma));
        var k = new float[2 * radius + 1];
        double sum = 0;
        for (int i = -radius; i <= radius; i++) sum += k[i + radius] = (float)Math.Exp(-i * i / (2 * sigma * sigma));
        for (int i = 0; i < k.Length; i++) k[i] = (float)(k[i] / sum);
        return k;
    }
}
