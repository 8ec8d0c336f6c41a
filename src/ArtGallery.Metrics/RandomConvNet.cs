using System.Numerics.Tensors;

namespace ArtGallery.Metrics;

/// <summary>
/// A fixed, randomly initialised three-layer convolutional network (no training, seeded weights).
/// Random conv features are a known cheap stand-in for learned ones: they respond to local edges,
/// textures and colour contrasts that downsampled pixels and histograms miss (Jarrett et al. 2009;
/// Saxe et al. 2011). Layout on a 32x32 input: conv3x3 3->16, ReLU, avg-pool 2; conv3x3 16->32,
/// ReLU, avg-pool 2; conv3x3 32->64, ReLU; then global average and global max per channel (128 values).
/// </summary>
internal sealed class RandomConvNet
{
    /// <summary>Input side the network expects.</summary>
    public const int InputSide = 32;

    /// <summary>Output length (64 channels x {mean, max}).</summary>
    public const int Length = 128;

    private static readonly int[] Channels = [3, 16, 32, 64];
    private readonly float[][] weights;

    /// <summary>Builds the network from a fixed seed; equal seeds give bit-identical weights.</summary>
    public RandomConvNet(ulong seed)
    {
        var rng = new SeededRandom(seed);
        this.weights = new float[Channels.Length - 1][];
        for (int layer = 0; layer < this.weights.Length; layer++)
        {
            int cin = Channels[layer], cout = Channels[layer + 1], fan = cin * 9;
            var w = new float[cout * fan];
            double std = Math.Sqrt(2.0 / fan); // He init keeps activations from vanishing through ReLU layers.
            for (int o = 0; o < cout; o++)
            {
                double mean = 0;
                for (int i = 0; i < fan; i++) mean += w[o * fan + i] = (float)(rng.NextGaussian() * std);
                // First-layer filters are made zero-sum so they answer contrast, not overall brightness,
                // which the pixel block already measures.
                if (layer == 0)
                    for (int i = 0; i < fan; i++) w[o * fan + i] -= (float)(mean / fan);
            }
            this.weights[layer] = w;
        }
    }

    /// <summary>Features of a 32x32 CHW image into <paramref name="destination"/> (length 128).</summary>
    public void Compute(ReadOnlySpan<float> chw32, Span<float> destination)
    {
        float[] x = chw32[..(3 * InputSide * InputSide)].ToArray();
        int side = InputSide;
        for (int layer = 0; layer < this.weights.Length; layer++)
        {
            x = Conv3x3Relu(x, Channels[layer], Channels[layer + 1], side, this.weights[layer]);
            if (layer < this.weights.Length - 1)
            {
                x = AvgPool2(x, Channels[layer + 1], side);
                side /= 2;
            }
        }
        int channels = Channels[^1], plane = side * side;
        for (int c = 0; c < channels; c++)
        {
            var p = x.AsSpan(c * plane, plane);
            float sum = 0, max = 0;
            foreach (float v in p)
            {
                sum += v;
                if (v > max) max = v;
            }
            destination[c] = sum / plane;
            destination[channels + c] = max;
        }
    }

    private static float[] Conv3x3Relu(float[] input, int cin, int cout, int side, float[] weights)
    {
        int plane = side * side, fan = cin * 9;
        var output = new float[cout * plane];
        var patch = new float[fan];
        for (int y = 0; y < side; y++)
            for (int x = 0; x < side; x++)
            {
                int k = 0;
                for (int c = 0; c < cin; c++)
                    for (int dy = -1; dy <= 1; dy++)
                        for (int dx = -1; dx <= 1; dx++)
                        {
                            int yy = y + dy, xx = x + dx;
                            patch[k++] = (uint)yy < (uint)side && (uint)xx < (uint)side ? input[c * plane + yy * side + xx] : 0f;
                        }
                for (int o = 0; o < cout; o++)
                    output[o * plane + y * side + x] = Math.Max(0f, TensorPrimitives.Dot(weights.AsSpan(o * fan, fan), patch));
            }
        return output;
    }

    private static float[] AvgPool2(float[] input, int channels, int side)
    {
        int half = side / 2;
        var output = new float[channels * half * half];
        for (int c = 0; c < channels; c++)
            for (int y = 0; y < half; y++)
                for (int x = 0; x < half; x++)
                {
                    int i = c * side * side + 2 * y * side + 2 * x;
                    output[c * half * half + y * half + x] = 0.25f * (input[i] + input[i + 1] + input[i + side] + input[i + side + 1]);
                }
        return output;
    }
}
