using ArtGallery.Gan.Models;
using ArtGallery.Imaging;
using SixLabors.ImageSharp;
using static TorchSharp.torch;

namespace ArtGallery.Gan.Sampling;

/// <summary>Writes grids of EMA samples from fixed latents, so successive grids of a run are comparable.</summary>
internal sealed class SampleGridWriter
{
    private readonly float[][] latents;

    public SampleGridWriter(long seed, GanGenerator g, int count)
    {
        latents = Enumerable.Range(0, count).Select(i => g.LatentFor(seed * 1000 + i)).ToArray();
    }

    /// <summary>Renders the fixed latents and saves a PNG grid at <paramref name="path"/> (atomically).</summary>
    public string Write(GanGenerator g, Device device, string path)
    {
        var images = Rendering.Images(g, latents, device);
        int columns = (int)Math.Ceiling(Math.Sqrt(images.Length));
        using var image = SampleGrid.Compose(images, g.Resolution, columns);
        AtomicFile.Write(path, image.SaveAsPng);
        return path;
    }
}
