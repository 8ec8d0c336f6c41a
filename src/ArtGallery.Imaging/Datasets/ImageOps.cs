using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Advanced;
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

    /// <summary>Below this spread (standard deviation of the most varied channel, of 255) a picture reads as one colour.</summary>
    public const double UniformSpread = 3;

    /// <summary>
    /// A warning for a picture that came out nearly one colour (a drawing in the ground's colour on a transparent
    /// ground, a blank scan), or null. Sampled on a grid of about 65,000 pixels.
    /// </summary>
    internal static string? UniformWarning(Image<Rgb24> image)
    {
        int step = Math.Max(1, (int)Math.Sqrt((double)image.Width * image.Height / 65536));
        Span<double> sum = stackalloc double[3], squares = stackalloc double[3];
        long n = 0;
        for (int y = 0; y < image.Height; y += step)
        {
            var row = image.DangerousGetPixelRowMemory(y).Span;
            for (int x = 0; x < row.Length; x += step, n++)
            {
                var p = row[x];
                (sum[0], sum[1], sum[2]) = (sum[0] + p.R, sum[1] + p.G, sum[2] + p.B);
                (squares[0], squares[1], squares[2]) = (squares[0] + p.R * p.R, squares[1] + p.G * p.G, squares[2] + p.B * p.B);
            }
        }
        double spread = 0;
        for (int c = 0; c < 3; c++) spread = Math.Max(spread, Math.Sqrt(Math.Max(0, squares[c] / n - sum[c] / n * (sum[c] / n))));
        return spread >= UniformSpread ? null : string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"came out nearly uniform (colour spread {spread:0.#} of 255): check that it shows what you expect (transparent areas are composited over the ground colour)");
    }

    /// <summary>Enlarges a square image in place to <paramref name="side"/> px.</summary>
    internal static void Upscale(Image<Rgb24> image, int side) => image.Mutate(x => x.Resize(side, side, KnownResamplers.Lanczos3));
}
