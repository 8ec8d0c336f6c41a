using System.Globalization;
using ArtGallery.Imaging;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace ArtGallery.Detail;

/// <summary>
/// Takes a generator sample to a print with the detail model: x4 passes (at most <see cref="MaxPasses"/>) until the crop
/// is within <see cref="Slack"/> of the print's pixel size, then the user's crop and an exact Lanczos resize.
/// </summary>
public static partial class DetailCascade
{
    /// <summary>Most x4 passes (64 px -> 4096 px).</summary>
    public const int MaxPasses = 3;

    /// <summary>The last, exact resize may enlarge by at most this much before another pass is run.</summary>
    public const double Slack = 1.25;

    /// <summary>x4 passes needed to take a <paramref name="cropWidth"/> x <paramref name="cropHeight"/> crop to <paramref name="width"/> x <paramref name="height"/>.</summary>
    public static int PassesFor(int cropWidth, int cropHeight, int width, int height)
    {
        double needed = Math.Max((double)width / cropWidth, (double)height / cropHeight);
        int passes = 0;
        while (passes < MaxPasses && needed / Math.Pow(Network.DetailNet.Scale, passes) > Slack) passes++;
        return passes;
    }

    /// <summary>Renders <paramref name="source"/> at exactly <paramref name="spec"/>'s pixel size (crop position as in <see cref="PrintRenderer"/>). Callers serving a generator check <see cref="DetailModel.EnsureServes"/> first.</summary>
    public static Image<Rgb24> Render(DetailModel model, Image<Rgb24> source, PrintSpec spec, double cropPosition = 0.5) =>
        Render(model, source, spec.PixelWidth, spec.PixelHeight, cropPosition);

    /// <summary>Renders at exactly <paramref name="width"/> x <paramref name="height"/>.</summary>
    public static Image<Rgb24> Render(DetailModel model, Image<Rgb24> source, int width, int height, double cropPosition = 0.5)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(source);
        if (width < 1 || height < 1) throw new ArgumentOutOfRangeException(nameof(width), $"Output size must be positive (got {width}x{height}).");
        if (!double.IsFinite(cropPosition) || cropPosition is < 0 or > 1)
            throw new ArgumentOutOfRangeException(nameof(cropPosition), cropPosition, "Crop position must be 0..1.");
        var crop = PrintRenderer.CropFor(source.Width, source.Height, width, height, cropPosition);
        int passes = PassesFor(crop.Width, crop.Height, width, height);
        var current = source.Clone();
        for (int i = 0; i < passes; i++)
        {
            var next = model.Upscale(current);
            current.Dispose();
            current = next;
        }
        int factor = current.Width / source.Width;
        current.Mutate(x =>
        {
            x.Crop(new Rectangle(crop.X * factor, crop.Y * factor, crop.Width * factor, crop.Height * factor));
            if (current.Width != width || current.Height != height) x.Resize(width, height, KnownResamplers.Lanczos3);
        });
        return current;
    }

    /// <summary>The tEXt entries that name the upscaler of a print.</summary>
    public static Dictionary<string, string> Text(DetailModel? model) => model is null
        ? new() { ["Upscaler"] = "lanczos" }
        : new()
        {
            ["Upscaler"] = "detail",
            ["DetailModel"] = string.Create(CultureInfo.InvariantCulture, $"{model.Id} (x4, {model.Info.Channels}ch x {model.Info.Blocks} blocks, for {model.Info.GeneratorResolution} px, trained on {model.Info.TrainedOn})"),
        };
}
