using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace ArtGallery.Imaging;

/// <summary>Lays CHW images out in a grid (training sample sheets, contact sheets).</summary>
public static class SampleGrid
{
    private static readonly Rgb24 Background = new(18, 18, 20);

    /// <summary>Composes square CHW [-1,1] images of <paramref name="resolution"/> px, row-major, <paramref name="padding"/> px apart.</summary>
    public static Image<Rgb24> Compose(IReadOnlyList<float[]> chw, int resolution, int columns, int padding = 2)
    {
        ArgumentNullException.ThrowIfNull(chw);
        if (chw.Count == 0) throw new ArgumentException("At least one image is needed.", nameof(chw));
        if (resolution < 1) throw new ArgumentOutOfRangeException(nameof(resolution), resolution, "Resolution must be positive.");
        if (columns < 1) throw new ArgumentOutOfRangeException(nameof(columns), columns, "Columns must be positive.");
        if (padding < 0) throw new ArgumentOutOfRangeException(nameof(padding), padding, "Padding cannot be negative.");
        int plane = resolution * resolution;
        columns = Math.Min(columns, chw.Count);
        int rows = (chw.Count + columns - 1) / columns;
        int width = columns * resolution + (columns + 1) * padding;
        int height = rows * resolution + (rows + 1) * padding;
        var pixels = new Rgb24[width * height];
        Array.Fill(pixels, Background);
        for (int n = 0; n < chw.Count; n++)
        {
            var src = chw[n];
            if (src.Length < 3 * plane) throw new ArgumentException($"Image {n} is smaller than 3x{resolution}x{resolution}.", nameof(chw));
            int ox = padding + (n % columns) * (resolution + padding);
            int oy = padding + (n / columns) * (resolution + padding);
            for (int y = 0; y < resolution; y++)
            {
                int row = (oy + y) * width + ox;
                for (int x = 0; x < resolution; x++)
                {
                    int i = y * resolution + x;
                    pixels[row + x] = new Rgb24(ToByte(src[i]), ToByte(src[plane + i]), ToByte(src[2 * plane + i]));
                }
            }
        }
        return Image.LoadPixelData<Rgb24>(pixels, width, height);
    }

    private static byte ToByte(float v) => (byte)Math.Clamp((int)MathF.Round((v + 1f) * 127.5f), 0, 255);
}
