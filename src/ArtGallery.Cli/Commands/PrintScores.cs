using ArtGallery.Detail.Quality;
using ArtGallery.Imaging;
using ArtGallery.Metrics;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace ArtGallery.Cli.Commands;

/// <summary>How a print scores, as issue 22 defines it: edge width, sharpness, the print shrunk back to its sample, and
/// (when the truth is known) the print against it.</summary>
public static class PrintScores
{
    /// <summary>The share of pixels whose gradient is at or above the sharpness reading.</summary>
    public const double SharpnessTail = 0.005;

    private const int BinsPerLevel = 64, MaxLevels = 512;

    /// <summary>The 99.5th percentile of the luma gradient magnitude over every pixel of the print, in 1/255 per pixel
    /// (central differences; a histogram of 1/64-level bins keeps 16 megapixels cheap).</summary>
    public static double Sharpness(Image<Rgb24> image)
    {
        int w = image.Width, h = image.Height;
        var luma = Luma.Plane(Floats(image), w, h); // 0..1
        var histogram = new long[BinsPerLevel * MaxLevels + 1];
        for (int y = 1; y + 1 < h; y++)
            for (int x = 1; x + 1 < w; x++)
            {
                int i = y * w + x;
                float gx = (luma[i + 1] - luma[i - 1]) * 127.5f, gy = (luma[i + w] - luma[i - w]) * 127.5f; // central, in 1/255 per px
                histogram[Math.Min(histogram.Length - 1, (int)(MathF.Sqrt(gx * gx + gy * gy) * BinsPerLevel))]++;
            }
        long total = (long)(w - 2) * (h - 2), tail = (long)Math.Ceiling(total * SharpnessTail), seen = 0;
        for (int bin = histogram.Length - 1; bin > 0; bin--)
            if ((seen += histogram[bin]) >= tail) return (double)bin / BinsPerLevel;
        return 0;
    }

    /// <summary>Mean 10-90 % rise of the print's own steepest steps (<see cref="EdgeWidth.SelfMean"/>), in print pixels.</summary>
    public static double EdgeWidthOf(Image<Rgb24> image) => EdgeWidth.SelfMean(Floats(image), image.Width, image.Height);

    /// <summary>The print shrunk back to the sample's crop (box = area average) vs that crop of the sample, PSNR dB.</summary>
    public static double BackToSample(Image<Rgb24> print, Image<Rgb24> sample, Rectangle crop)
    {
        using var small = print.Clone(x => x.Resize(crop.Width, crop.Height, KnownResamplers.Box));
        using var reference = sample.Clone(x => x.Crop(crop));
        return ImageQuality.Psnr(Floats(small), Floats(reference));
    }

    /// <summary>PSNR dB of a print against the truth printed at the same size.</summary>
    public static double AgainstTruth(Image<Rgb24> print, Image<Rgb24> truth) => ImageQuality.Psnr(Floats(print), Floats(truth));

    private static float[] Floats(Image<Rgb24> image)
    {
        var chw = new float[3 * image.Width * image.Height];
        PlanarRgb.FromImage(image, chw);
        return chw;
    }
}
