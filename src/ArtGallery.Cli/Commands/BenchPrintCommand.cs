using System.Diagnostics;
using System.Globalization;
using ArtGallery.Detail;
using ArtGallery.Detail.Training;
using ArtGallery.Gan.Sampling;
using ArtGallery.Imaging;
using ArtGallery.Metrics;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace ArtGallery.Cli.Commands;

/// <summary>
/// artgallery bench print: real generator samples printed at a size, Lanczos (today's path) vs the detail cascade:
/// end-to-end time (render + upscale + PNG), peak RSS, edge width and sharpness of the print, and the print
/// area-downsampled back to the sample's size vs the sample (PSNR); plus the 256 px view render time.
/// With --paintings N, held-out builtin:abstract paintings instead (<see cref="PaintingPrint"/>): each also printed as
/// its own truth, the score a perfect upscaler would get, and every print scored against it.
/// </summary>
public sealed class BenchPrintCommand : ICliCommand
{
    /// <summary>The paintings' dataset seed: the one bench detail holds out.</summary>
    private const int HeldOutSeed = 12345;

    public string Verb => "bench print";
    public string Usage => $"bench print --checkpoint {CheckpointOption.Help} --detail FILE.agdetail|default [--size 12x15] [--dpi 300] [--count N] " +
        $"[--first-seed S] [--threads T] [--upscaler detail|lanczos] [--tile PX] [--views N] [--crop-out PNG] [--blur SIGMA] " +
        $"| bench print --paintings N --detail FILE.agdetail|default [--size] [--dpi] [--threads] [--crop-out PNG]";

    public int Run(CliArgs args, CliContext context)
    {
        int paintings = args.Optional("paintings") is null ? 0 : args.Int("paintings", 3, 1, 100);
        string? checkpoint = paintings > 0 ? null : CheckpointOption.Path(args);
        string detail = args.Required("detail");
        var spec = PrintSpec.Create(args.Optional("size") ?? "12x15", PrintOrientation.Portrait, args.Int("dpi", 300, 1, 1200));
        int count = paintings > 0 ? paintings : args.Int("count", 3, 1, 1000), threads = args.Int("threads", 2, 1, 256);
        string upscalers = args.Optional("upscaler") ?? (paintings > 0 ? "detail,lanczos,truth" : "detail,lanczos");
        string? cropOut = args.Optional("crop-out");
        int? tile = args.Optional("tile") is null ? null : args.Int("tile", 160, 4, 4096);
        int views = paintings > 0 ? 0 : args.Int("views", 20, 1, 10_000);
        long firstSeed = paintings > 0 ? 0 : args.Long("first-seed", 0, 0, long.MaxValue - 1000);
        // How blurred the nets are told the samples are (default: the model's calibration), to see what a stronger sharpening gives.
        double? blur = args.Optional("blur") is null ? null : args.Double("blur", 0, 0, 4);
        args.EnsureAllUsed();
        foreach (var upscaler in upscalers.Split(','))
            if (upscaler is not ("detail" or "lanczos" or "truth") || (upscaler == "truth" && paintings == 0))
                throw new CliException($"--upscaler '{upscaler}' is not one of detail, lanczos{(paintings == 0 ? "" : ", truth")}");
        string path = DetailOption.Path(detail);
        TorchSharp.torch.set_num_threads(threads);
        using var generator = checkpoint is null ? null : CheckpointOption.Load(checkpoint);
        using var model = DetailModel.Load(path);
        if (tile is { } side) model.WithTileSize(side);
        int res = generator?.Resolution ?? model.Info.GeneratorResolution;
        model.EnsureServes(res);
        // A painting's sample is its exact area average: clean, and the nets are told so.
        var input = paintings > 0 ? DegradationProfile.Clean : blur is { } sigma ? model.Info.Profile with { BlurSigma = sigma } : null;
        var crop = PrintRenderer.CropFor(res, res, spec.PixelWidth, spec.PixelHeight, 0.5);
        var held = paintings > 0 ? new BuiltinAbstractDataset(paintings, HeldOutSeed, cacheBytes: 0) : null;
        var truths = held is null ? [] : Enumerable.Range(0, paintings).Select(i => PaintingPrint.Paint(held, i, res, spec, crop)).ToList();
        try
        {
            context.Out.WriteLine((held is null ? $"{spec.PixelWidth}x{spec.PixelHeight} px prints of {generator!.ModelId} samples"
                : $"{spec.PixelWidth}x{spec.PixelHeight} px prints of {paintings} held-out builtin:abstract paintings (seed {HeldOutSeed}), {res} px samples")
                + $", detail model {model.Id} ({model.TileSize} px tiles), {threads} threads");
            context.Out.WriteLine("| upscaler | seconds (render+upscale+PNG) | process CPU s | MB PNG | edge width px | sharpness (p99.5 gradient /255 " +
                "per px) | back to sample PSNR dB |" + (held is null ? "" : " against the truth PSNR dB |"));
            context.Out.WriteLine("|---|---:|---:|---:|---:|---:|---:|" + (held is null ? "" : "---:|"));
            long printPeak = 0;
            foreach (var upscaler in upscalers.Split(','))
            {
                var scores = new List<double[]>();
                for (int k = 0; k < count; k++)
                {
                    var clock = Stopwatch.StartNew();
                    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                    using var sample = held is null ? PlanarRgb.ToImage(generator!.Render(generator.LatentFor(firstSeed + k)), res, res) : truths[k].Sample.Clone();
                    using var print = upscaler switch
                    {
                        "detail" => DetailCascade.Render(model, sample, spec.PixelWidth, spec.PixelHeight, 0.5, input),
                        "lanczos" => PrintRenderer.Render(sample, spec),
                        _ => truths[k].Truth.Clone(),
                    };
                    var png = PngExport.Encode(print, spec.Dpi, DetailCascade.Text(upscaler == "detail" ? model : null));
                    // Read before scoring: the sharpness and edge measures below hold their own full-size copies of the print.
                    if (upscaler == "detail" && k == 0) printPeak = Process.GetCurrentProcess().PeakWorkingSet64;
                    double seconds = clock.Elapsed.TotalSeconds, cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
                    if (k == 0 && cropOut is not null) SaveCrop(print, cropOut.Replace(".png", $"-{upscaler}.png", StringComparison.Ordinal));
                    scores.Add([seconds, cpuSeconds, png.Length / 1e6, PrintScores.EdgeWidthOf(print), PrintScores.Sharpness(print),
                        PrintScores.BackToSample(print, sample, crop), held is null ? double.NaN : PrintScores.AgainstTruth(print, truths[k].Truth)]);
                }
                var m = Enumerable.Range(0, 7).Select(k => scores.Select(s => s[k]).Where(double.IsFinite).DefaultIfEmpty(double.NaN).Average()).ToArray();
                context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {upscaler} | {m[0]:0.0} | {m[1]:0.0} | {m[2]:0.0} | {m[3]:0.0} | {m[4]:0.00} | {m[5]:0.0} |{(held is null ? "" : $" {m[6]:0.00} |")}"));
            }
            context.Out.WriteLine($"peak RSS {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024)} MB (whole bench); " +
                $"{printPeak / (1024 * 1024)} MB up to the first detail print's PNG (models loaded, before scoring)");
        }
        finally
        {
            foreach (var t in truths) t.Dispose();
        }
        if (generator is not null) ViewTime(generator, model, views, context);
        return 0;
    }

    private static void ViewTime(ArtGenerator generator, DetailModel model, int views, CliContext context)
    {
        int res = generator.Resolution;
        using var view = PlanarRgb.ToImage(generator.Render(generator.LatentFor(0)), res, res);
        for (int i = 0; i < 3; i++) DetailCascade.Render(model, view, 256, 256).Dispose();
        var timer = Stopwatch.StartNew();
        var viewCpu = Process.GetCurrentProcess().TotalProcessorTime;
        for (int i = 0; i < views; i++)
        {
            using var rendered = DetailCascade.Render(model, view, 256, 256);
            PngExport.Encode(rendered);
        }
        double cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - viewCpu).TotalMilliseconds / views;
        context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"256 px view (x4 pass + PNG, mean of {views}): {timer.Elapsed.TotalMilliseconds / views:0} ms wall, {cpuMs:0} ms process CPU"));
    }

    private static void SaveCrop(Image<Rgb24> print, string file)
    {
        int side = Math.Min(512, Math.Min(print.Width, print.Height));
        using var crop = print.Clone(x => x.Crop(new Rectangle((print.Width - side) / 2, (print.Height - side) / 2, side, side)));
        if (Path.GetDirectoryName(Path.GetFullPath(file)) is { } dir) Directory.CreateDirectory(dir);
        crop.SaveAsPng(file);
    }
}

/// <summary>
/// A held-out painting as bench print meets it: painted at k x the sample's side (k: the least whole factor whose crop
/// covers the print, at most the painter's 4096 px), its exact k x k area average as the sample, and the truth print: the
/// same crop of the big painting resized to the print (a 12x15 in print at 300 DPI enlarges 4096 px by 1.1x, as the
/// cascade's own last step does).
/// </summary>
internal sealed class PaintingPrint(Image<Rgb24> sample, Image<Rgb24> truth) : IDisposable
{
    public Image<Rgb24> Sample { get; } = sample;
    public Image<Rgb24> Truth { get; } = truth;

    public static PaintingPrint Paint(BuiltinAbstractDataset paintings, int index, int res, PrintSpec spec, Rectangle crop)
    {
        int k = Math.Min(AbstractPainter.MaxResolution / res,
            (int)Math.Ceiling(Math.Max((double)spec.PixelWidth / crop.Width, (double)spec.PixelHeight / crop.Height)));
        int side = res * k;
        var big = new float[3 * side * side];
        paintings.Read(index, side, big);
        var small = new float[3 * res * res];
        for (int c = 0; c < 3; c++)
            for (int y = 0; y < side; y++)
                for (int x = 0; x < side; x++)
                    small[(c * res + y / k) * res + x / k] += big[(c * side + y) * side + x] / (k * k);
        var sample = PlanarRgb.ToImage(small, res, res);
        var truth = PlanarRgb.ToImage(big, side, side);
        truth.Mutate(x => x.Crop(new Rectangle(crop.X * k, crop.Y * k, crop.Width * k, crop.Height * k))
            .Resize(spec.PixelWidth, spec.PixelHeight, KnownResamplers.Lanczos3));
        return new PaintingPrint(sample, truth);
    }

    public void Dispose()
    {
        Sample.Dispose();
        Truth.Dispose();
    }
}
