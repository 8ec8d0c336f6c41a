using ArtGallery.Imaging;

namespace ArtGallery.Gan.Tests;

/// <summary>A tiny deterministic dataset: warm-tinted stripes, gradients and blocks with a known mean colour.</summary>
internal sealed class SyntheticDataset(int count = 24) : IImageDataset
{
    public string Name => "test:synthetic";

    public int Count => count;

    /// <summary>The channel means the images are built around (red high, blue low).</summary>
    public static readonly float[] BaseColour = [0.6f, -0.1f, -0.5f];

    public void Read(int index, int resolution, Span<float> destination)
    {
        int plane = resolution * resolution;
        for (int c = 0; c < 3; c++)
            for (int y = 0; y < resolution; y++)
                for (int x = 0; x < resolution; x++)
                {
                    double u = (x + 0.5) / resolution, v = (y + 0.5) / resolution;
                    double pattern = (index % 3) switch
                    {
                        0 => Math.Sin((u * (2 + index % 5) + c * 0.3) * Math.PI * 2),
                        1 => u - v,
                        _ => (x * 4 / resolution + y * 4 / resolution + index) % 2 == 0 ? 0.5 : -0.5,
                    };
                    destination[c * plane + y * resolution + x] = (float)Math.Clamp(BaseColour[c] + 0.3 * pattern, -1, 1);
                }
    }
}
