using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace ArtGallery.Imaging;

/// <summary>Square crops and planar conversion shared by datasets and imports.</summary>
public static class ImageOps
{
    /// <summary>The encoder of stored copies, thumbnails and exports: IHDR, IDAT, IEND and nothing else.</summary>
    public static PngEncoder PixelsOnlyPng { get; } = new() { ChunkFilter = PngChunkFilter.ExcludeAll, IgnoreMetadata = true };

    /// <summary>Centre-crops to a square in place and shrinks it to at most <paramref name="maxSide"/> px.</summary>
    internal static void CenterSquare(Image<Rgb24> image, int maxSide)
    {
        int side = Math.Min(image.Width, image.Height);
        var crop = new Rectangle((image.Width - side) / 2, (image.Height - side) / 2, side, side);
        int target = Math.Min(side, maxSide);
        image.Mutate(x =>
        {
            if (side != image.Width || side != image.Height) x.Crop(crop);
            if (target != side) x.Resize(target, target, KnownResamplers.Lanczos3);
        });
    }

    /// <summary>A square image resampled to <paramref name="resolution"/> as planar bytes (CHW).</summary>
    internal static byte[] ToPlanar(Image<Rgb24> square, int resolution)
    {
        using var sized = square.Width == resolution && square.Height == resolution
            ? square.Clone()
            : square.Clone(x => x.Resize(resolution, resolution, KnownResamplers.Lanczos3));
        int plane = resolution * resolution;
        var pixels = new Rgb24[plane];
        sized.CopyPixelDataTo(pixels);
        var planar = new byte[3 * plane];
        for (int i = 0; i < plane; i++)
        {
            planar[i] = pixels[i].R;
            planar[plane + i] = pixels[i].G;
            planar[2 * plane + i] = pixels[i].B;
        }
        return planar;
    }

    /// <summary>Enlarges a square image in place to <paramref name="side"/> px.</summary>
    internal static void Upscale(Image<Rgb24> image, int side) => image.Mutate(x => x.Resize(side, side, KnownResamplers.Lanczos3));
}
