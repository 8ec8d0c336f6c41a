using System.Diagnostics;
using System.Globalization;
using ArtGallery.Detail;
using ArtGallery.Detail.Quality;
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
/// </summary>
public sealed class BenchPrintCommand : ICliCommand
{
    public string Verb => "bench print";
    public string Usage => $"bench print --checkpoint {CheckpointOption.Help} --detail FILE.agdetail|default [--size 12x15] [--dpi 300] [--count N] " +
        $"[--first-seed S] [--threads T] [--upscaler detail|lanczos] [--tile PX] [--views N] [--crop-out PNG] [--blur SIGMA]";

    public int Run(CliArgs args, CliContext context)
    {
        string checkpoint = CheckpointOption.Path(args);
        string detail = args.Required("detail");
        var spec = PrintSpec.Create(args.Optional("size") ?? "12x15", PrintOrientation.Portrait, args.Int("dpi", 300, 1, 1200));
        int count = args.Int("count", 3, 1, 1000), threads = args.Int("threads", 2, 1, 256);
        string upscalers = args.Optional("upscaler") ?? "detail,lanczos";
        string? cropOut = args.Optional("crop-out");
        int? tile = args.Optional("tile") is null ? null : args.Int("tile", 160, 4, 4096);
        int views = args.Int("views", 20, 1, 10_000);
        long firstSeed = args.Long("first-seed", 0, 0, long.MaxValue - 1000);
        // How blurred the nets are told the samples are (default: the model's calibration), to see what a stronger sharpening gives.
        double? blur = args.Optional("blur") is null ? null : args.Double("blur", 0, 0, 4);
        args.EnsureAllUsed();
        string path = DetailOption.Path(detail);
        TorchSharp.torch.set_num_threads(threads);
        using var generator = CheckpointOption.Load(checkpoint);
        using var model = DetailModel.Load(path);
        if (tile is { } side) model.WithTileSize(side);
        model.EnsureServes(generator.Resolution);
        var input = blur is { } sigma ? model.Info.Profile with { BlurSigma = sigma } : null;
        int res = generator.Resolution;
        var crop = PrintRenderer.CropFor(res, res, spec.PixelWidth, spec.PixelHeight, 0.5);
        context.Out.WriteLine($"{spec.PixelWidth}x{spec.PixelHeight} px prints of {generator.ModelId} samples, detail model {model.Id} " +
            $"({model.TileSize} px tiles), {threads} threads");
        context.Out.WriteLine("| upscaler | seconds (render+upscale+PNG) | process CPU s | MB PNG | edge width px | sharpness (p99 gradient /255 per " +
            "px) | back to sample PSNR dB |");
        context.Out.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        long printPeak = 0;
        foreach (var upscaler in upscalers.Split(','))
        {
            var scores = new List<double[]>();
            for (long seed = firstSeed; seed < firstSeed + count; seed++)
            {
                var clock = Stopwatch.StartNew();
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                var chw = generator.Render(generator.LatentFor(seed));
                using var sample = PlanarRgb.ToImage(chw, res, res);
                using var print = upscaler == "detail" ? DetailCascade.Render(model, sample, spec.PixelWidth, spec.PixelHeight, 0.5, input) : PrintRenderer.Render(sample, spec);
                var png = PngExport.Encode(print, spec.Dpi, DetailCascade.Text(upscaler == "detail" ? model : null));
                // Read before scoring: the sharpness and edge measures below hold their own full-size copies of the print.
                if (upscaler == "detail" && seed == firstSeed) printPeak = Process.GetCurrentProcess().PeakWorkingSet64;
                double seconds = clock.Elapsed.TotalSeconds, cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
                if (seed == firstSeed && cropOut is not null) SaveCrop(print, cropOut.Replace(".png", $"-{upscaler}.png", StringComparison.Ordinal));
                scores.Add([seconds, cpuSeconds, png.Length / 1e6, EdgeWidth.SelfMean(Floats(print), print.Width, print.Height), Sharpness(print),
                    BackToSample(print, sample, crop)]);
            }
            var m = Enumerable.Range(0, 6).Select(k => scores.Select(s => s[k]).Where(double.IsFinite).DefaultIfEmpty(double.NaN).Average()).ToArray();
            context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {upscaler} | {m[0]:0.0} | {m[1]:0.0} | {m[2]:0.0} | {m[3]:0.0} | {m[4]:0.00} | {m[5]:0.0} |"));
        }
        context.Out.WriteLine($"peak RSS {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024)} MB (whole bench); " +
            $"{printPeak / (1024 * 1024)} MB up to the first detail print's PNG (models loaded, before scoring)");
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
        return 0;
    }

    private static float[] Floats(Image<Rgb24> image)
    {
        var chw = new float[3 * image.Width * image.Height];
        PlanarRgb.FromImage(image, chw);
        return chw;
    }

    // 99th percentile of the luma gradient (in 1/255 per pixel) on a sparse grid of rows.
    private static double Sharpness(Image<Rgb24> image)
    {
        var grads = new List<double>();
        image.ProcessPixelRows(rows =>
        {
            for (int y = 0; y < rows.Height; y += Math.Max(1, rows.Height / 256))
            {
                var row = rows.GetRowSpan(y);
                for (int x = 0; x + 1 < row.Length; x++) grads.Add(Math.Abs(Luma(row[x + 1]) - Luma(row[x])));
            }
        });
        grads.Sort();
        return grads[(int)(grads.Count * 0.99)];
    }

    private static double Luma(Rgb24 p) => 0.299 * p.R + 0.587 * p.G + 0.114 * p.B;

    // The print shrunk back to the sample's crop (box = area average) vs that crop of the sample.
    private static double BackToSample(Image<Rgb24> print, Image<Rgb24> sample, Rectangle crop)
    {
        using var small = print.Clone(x => x.Resize(crop.Width, crop.Height, KnownResamplers.Box));
        using var reference = sample.Clone(x => x.Crop(crop));
        return ImageQuality.Psnr(Floats(small), Floats(reference));
    }

    private static void SaveCrop(Image<Rgb24> print, string file)
    {
        int side = Math.Min(512, Math.Min(print.Width, print.Height));
        using var crop = print.Clone(x => x.Crop(new Rectangle((print.Width - side) / 2, (print.Height - side) / 2, side, side)));
        if (Path.GetDirectoryName(Path.GetFullPath(file)) is { } dir) Directory.CreateDirectory(dir);
        crop.SaveAsPng(file);
    }
}
