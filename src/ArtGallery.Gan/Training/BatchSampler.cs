using ArtGallery.Imaging;
using TorchSharp;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace ArtGallery.Gan.Training;

/// <summary>Draws random minibatches of real images with horizontal mirroring and ProGAN's fade-in blending.</summary>
internal sealed class BatchSampler
{
    private readonly IImageDataset dataset;
    private readonly GanRandom rng;
    private float[] buffer = [];

    public BatchSampler(IImageDataset dataset, GanRandom rng)
    {
        if (dataset.Count == 0) throw new ArgumentException("The dataset has no images.", nameof(dataset));
        this.dataset = dataset;
        this.rng = rng;
    }

    /// <summary>A batch (N,3,res,res); during fade-in blended towards the half-resolution image upsampled, as G's output is.
    /// <paramref name="pick"/> chooses each image (default: uniform over the dataset).</summary>
    public Tensor Next(int batch, int resolution, double alpha, Device device, Func<int>? pick = null)
    {
        int size = 3 * resolution * resolution;
        if (buffer.Length != batch * size) buffer = new float[batch * size];
        for (int i = 0; i < batch; i++)
        {
            var span = buffer.AsSpan(i * size, size);
            dataset.Read(pick?.Invoke() ?? rng.NextInt(dataset.Count), resolution, span);
            if ((rng.NextUInt64() & 1) == 1) Mirror(span, resolution);
        }
        using var scope = NewDisposeScope();
        var x = tensor(buffer, new long[] { batch, 3, resolution, resolution }).to(device);
        if (alpha < 1 && resolution > 4)
        {
            var low = F.interpolate(F.avg_pool2d(x, 2), scale_factor: new[] { 2.0, 2.0 }, mode: InterpolationMode.Nearest);
            using var weight = alpha.ToScalar();
            x = low.add(x - low, weight); // low + alpha (x - low)
        }
        return x.MoveToOuterDisposeScope();
    }

    private static void Mirror(Span<float> chw, int resolution)
    {
        for (int row = 0; row < 3 * resolution; row++) chw.Slice(row * resolution, resolution).Reverse();
    }
}
