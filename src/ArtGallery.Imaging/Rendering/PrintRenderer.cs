using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace ArtGallery.Imaging;

/// <summary>Turns a small generated image into a print: crop to the print's aspect, Lanczos3 upscale, mild sharpening.</summary>
public static class PrintRenderer
{
    /// <summary>
    /// Renders <paramref name="source"/> at exactly <paramref name="spec"/>'s pixel size. <paramref name="cropPosition"/>
    /// (0..1) picks where along the cropped axis the kept window sits: 0 = left/top, 0.5 = centred, 1 = right/bottom.
    /// </summary>
    public static Image<Rgb24> Render(Image<Rgb24> source, PrintSpec spec, double cropPosition = 0.5)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(spec);
        if (!double.IsFinite(cropPosition) || cropPosition < 0 || cropPosition > 1)
            throw new ArgumentOutOfRangeException(nameof(cropPosition), cropPosition, "Crop position must be 0..1.");
        var crop = CropFor(source.Width, source.Height, spec.PixelWidth, spec.PixelHeight, cropPosition);
        float scale = (float)spec.PixelWidth / crop.Width;
        return source.Clone(x =>
        {
            x.Crop(crop);
            x.Resize(spec.PixelWidth, spec.PixelHeight, KnownResamplers.Lanczos3);
            // Upscaling softens edges; a gentle sharpen scaled to the enlargement restores some crispness.
            if (scale > 2) x.GaussianSharpen(Math.Min(3f, 0.35f * MathF.Sqrt(scale)));
        });
    }

    /// <summary>The largest window of the source with the target's aspect, placed at <paramref name="position"/>.</summary>
    public static Rectangle CropFor(int sourceWidth, int sourceHeight, int targetWidth, int targetHeight, double position)
    {
        double target = (double)targetWidth / targetHeight, current = (double)sourceWidth / sourceHeight;
        if (current > target)
        {
            int w = Math.Clamp((int)Math.Round(sourceHeight * target), 1, sourceWidth);
            return new Rectangle((int)Math.Round((sourceWidth - w) * position), 0, w, sourceHeight);
        }
        int h = Math.Clamp((int)Math.Round(sourceWidth / target), 1, sourceHeight);
        return new Rectangle(0, (int)Math.Round((sourceHeight - h) * position), sourceWidth, h);
    }
}
