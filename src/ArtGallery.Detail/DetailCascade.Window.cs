using ArtGallery.Imaging;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace ArtGallery.Detail;

public static partial class DetailCascade
{
    /// <summary>
    /// The centre <paramref name="side"/> x <paramref name="side"/> pixels of the print <see cref="Render(DetailModel, Image{Rgb24}, int, int, double)"/>
    /// would make, at 100%: every pass but the last runs in full, the last only on the window (plus its context), so a
    /// preview of a 16-megapixel print costs a fraction of the print.
    /// </summary>
    public static Image<Rgb24> RenderWindow(DetailModel model, Image<Rgb24> source, int width, int height, double cropPosition, int side)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(source);
        side = Math.Min(side, Math.Min(width, height));
        if (side < 1) throw new ArgumentOutOfRangeException(nameof(side), side, "The window must be at least one pixel.");
        var crop = PrintRenderer.CropFor(source.Width, source.Height, width, height, cropPosition);
        int passes = PassesFor(crop.Width, crop.Height, width, height);
        if (passes == 0)
        {
            using var whole = Render(model, source, width, height, cropPosition);
            return whole.Clone(x => x.Crop(Centre(width, height, side)));
        }
        var level = source.Clone();
        for (int i = 0; i < passes - 1; i++)
        {
            var next = model.Upscale(level, i + 1);
            level.Dispose();
            level = next;
        }
        using (level)
        {
            int factor = level.Width / source.Width;
            // Print pixels per pixel of this level, and the window mapped onto this level (with the net's context).
            double perPixel = (double)width / (crop.Width * factor);
            var window = Centre(width, height, side);
            double x0 = crop.X * factor + window.X / perPixel, y0 = crop.Y * factor + window.Y / perPixel, span = side / perPixel;
            int m = model.Margin;
            int left = Math.Max(0, (int)Math.Floor(x0) - m), top = Math.Max(0, (int)Math.Floor(y0) - m);
            int right = Math.Min(level.Width, (int)Math.Ceiling(x0 + span) + m), bottom = Math.Min(level.Height, (int)Math.Ceiling(y0 + span) + m);
            using var region = level.Clone(x => x.Crop(new Rectangle(left, top, right - left, bottom - top)));
            var sharp = model.Upscale(region, passes);
            const int s = Network.DetailNet.Scale;
            var keep = new Rectangle((int)Math.Round((x0 - left) * s), (int)Math.Round((y0 - top) * s), Math.Max(1, (int)Math.Round(span * s)),
                Math.Max(1, (int)Math.Round(span * s)));
            keep.Intersect(new Rectangle(0, 0, sharp.Width, sharp.Height));
            sharp.Mutate(x => x.Crop(keep).Resize(side, side, KnownResamplers.Lanczos3));
            return sharp;
        }
    }

    private static Rectangle Centre(int width, int height, int side) => new((width - side) / 2, (height - side) / 2, side, side);
}
