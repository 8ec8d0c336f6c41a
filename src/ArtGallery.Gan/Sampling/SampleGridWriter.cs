using ArtGallery.Gan.Models;
using ArtGallery.Imaging;
using SixLabors.ImageSharp;
using static TorchSharp.torch;

namespace ArtGallery.Gan.Sampling;

/// <summary>Writes grids of EMA samples from fixed latents, so successive grids of a run are comparable.</summary>
internal sealed class SampleGridWriter
{
    private readonly float[][] latents;

    public SampleGridWriter(long seed, int latentSize, int count)
    {
        latents = Enumerable.Range(0, count).Select(i => Rendering.Latent(seed * 1000 + i, latentSize)).ToArray();
    }

    /// <summary>Renders the fixed latents and saves a PNG grid at <paramref name="path"/> (atomically).</summary>
    public string Write(GanGenerator g, Device device, string path)
    {
        var images = Rendering.Images(g, latents, device);
        int columns = (int)Math.Ceiling(Math.Sqrt(images.Length));
        using var image = Compose(images, g.Resolution, columns);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var tmp = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, $".{Path.GetFileName(path)}.tmp");
        image.SaveAsPng(tmp);
        File.Move(tmp, path, overwrite: true);
        return path;
    }

    /// <summary>Tiles CHW images (2 px dark gutters) into one RGB image.</summary>
    public static Image<SixLabors.ImageSharp.PixelFormats.Rgb24> Compose(IReadOnlyList<float[]> chw, int resolution, int columns)
    {
        const int gutter = 2;
        int rows = (chw.Count + columns - 1) / columns, cell = resolution + gutter;
        int w = columns * cell + gutter, h = rows * cell + gutter, plane = w * h;
        var canvas = new float[3 * plane];
        Array.Fill(canvas, -0.8f);
        for (int k = 0; k < chw.Count; k++)
        {
            int x0 = gutter + k % columns * cell, y0 = gutter + k / columns * cell;
            for (int c = 0; c < 3; c++)
                for (int y = 0; y < resolution; y++)
                    chw[k].AsSpan(c * resolution * resolution + y * resolution, resolution)
                        .CopyTo(canvas.AsSpan(c * plane + (y0 + y) * w + x0, resolution));
        }
        return PlanarRgb.ToImage(canvas, w, h);
    }
}
