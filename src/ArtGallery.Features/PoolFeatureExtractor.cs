using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace ArtGallery.Features;

/// <summary>
/// ResNet-18 pool features (512-d) of CHW images in [-1, 1], for FD/KID: each image is resized bilinearly to
/// <see cref="InputSize"/> (224, the network's own size, as FID resizes to Inception's) and run in batches of 32
/// on the CPU without gradients.
/// </summary>
public sealed class PoolFeatureExtractor(ResNet18Features net, int inputSize = 224)
{
    /// <summary>Side the images are resized to before the network.</summary>
    public int InputSize { get; } = inputSize >= 32 ? inputSize : throw new ArgumentOutOfRangeException(nameof(inputSize), "The feature input must be 32 px or more.");

    /// <summary>One 512-d vector per image.</summary>
    public float[][] Extract(IReadOnlyList<float[]> images, int resolution)
    {
        var result = new List<float[]>(images.Count);
        foreach (var chunk in images.Chunk(32))
        {
            using var scope = NewDisposeScope();
            using var noGrad = inference_mode();
            var batch = stack(chunk.Select(img => tensor(img, new long[] { 3, resolution, resolution })).ToArray());
            if (resolution != InputSize)
                batch = F.interpolate(batch, size: [InputSize, InputSize], mode: InterpolationMode.Bilinear, align_corners: false);
            var pooled = net.Pool(batch).contiguous();
            var flat = pooled.data<float>().ToArray();
            int d = (int)pooled.shape[1];
            for (int i = 0; i < chunk.Length; i++) result.Add(flat.AsSpan(i * d, d).ToArray());
        }
        return [.. result];
    }
}
