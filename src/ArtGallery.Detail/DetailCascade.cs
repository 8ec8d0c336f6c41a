using System.Globalization;
using ArtGallery.Detail.Training;
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

    /// <summary>Renders <paramref name="source"/> at exactly <paramref name="spec"/>'s pixel size (crop position as in
    /// <see cref="PrintRenderer"/>). Callers serving a generator check <see cref="DetailModel.EnsureServes"/>
    /// first.</summary>
    public static Image<Rgb24> Render(DetailModel model, Image<Rgb24> source, PrintSpec spec, double cropPosition = 0.5) =>
        Render(model, source, spec.PixelWidth, spec.PixelHeight, cropPosition);

    /// <summary>Renders at exactly <paramref name="width"/> x <paramref name="height"/>; <paramref name="input"/>: how degraded
    /// <paramref name="source"/> is (null: the model's calibrated profile, a generator sample).</summary>
    public static Image<Rgb24> Render(DetailModel model, Image<Rgb24> source, int width, int height, double cropPosition = 0.5,
        DegradationProfile? input = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(source);
        if (width < 1 || height < 1) throw new ArgumentOutOfRangeException(nameof(width), $"Output size must be positive (got {width}x{height}).");
        if (!double.IsFinite(cropPosition) || cropPosition is < 0 or > 1)
            throw new ArgumentOutOfRangeException(nameof(cropPosition), cropPosition, "Crop position must be 0..1.");
        var crop = PrintRenderer.CropFor(source.Width, source.Height, width, height, cropPosition);
        int passes = PassesFor(crop.Width, crop.Height, width, height);
        var current = passes == 0 ? source.Clone(x => x.Crop(crop)) : Passes(model, source, crop, passes, input);
        if (current.Width != width || current.Height != height) current.Mutate(x => x.Resize(width, height, KnownResamplers.Lanczos3));
        return current;
    }

    /// <summary>
    /// <paramref name="passes"/> x4 passes of <paramref name="source"/>, each computing only what the next one (or the
    /// crop) reads: returns exactly the crop x 4^passes of the full cascade, without the rest (a 12x15 print keeps
    /// 80% of the last pass's width). Each level is held as the part of it that is needed, with its offset.
    /// </summary>
    private static Image<Rgb24> Passes(DetailModel model, Image<Rgb24> source, Rectangle crop, int passes, DegradationProfile? input)
    {
        const int s = Network.DetailNet.Scale;
        // From the last pass back: the part of level k - 1 (input px) pass k must produce; what it reads adds the margin.
        var keeps = new Rectangle[passes + 1];
        keeps[passes] = Scale(crop, passes - 1);
        for (int k = passes - 1; k >= 1; k--)
        {
            int levelW = source.Width * Pow(k), levelH = source.Height * Pow(k);
            var reads = Rectangle.Intersect(Rectangle.Inflate(keeps[k + 1], model.Margin, model.Margin), new Rectangle(0, 0, levelW, levelH));
            keeps[k] = Rectangle.FromLTRB(reads.Left / s, reads.Top / s, (reads.Right + s - 1) / s, (reads.Bottom + s - 1) / s);
        }
        var current = source;
        var offset = Point.Empty; // where current's (0, 0) lies on its level
        for (int k = 1; k <= passes; k++)
        {
            var local = keeps[k];
            local.Offset(-offset.X, -offset.Y);
            var next = model.Upscale(current, local, k, input);
            if (!ReferenceEquals(current, source)) current.Dispose();
            (current, offset) = (next, new Point(keeps[k].X * s, keeps[k].Y * s));
        }
        return current;
    }

    private static int Pow(int k) => (int)Math.Pow(Network.DetailNet.Scale, k);

    private static Rectangle Scale(Rectangle r, int k) => new(r.X * Pow(k), r.Y * Pow(k), r.Width * Pow(k), r.Height * Pow(k));

    /// <summary>The tEXt entries that name the upscaler of a print.</summary>
    public static Dictionary<string, string> Text(DetailModel? model) => model is null
        ? new() { ["Upscaler"] = "lanczos" }
        : new()
        {
            ["Upscaler"] = "detail",
            ["DetailModel"] = string.Create(CultureInfo.InvariantCulture,
                $"{model.Id} (x4, {model.Info.Nets.Count} pass net(s), {model.Info.Channels}ch x {model.Info.Blocks} blocks, for {model.Info.GeneratorResolution} px, trained on {model.Info.TrainedOn})"),
        };
}
