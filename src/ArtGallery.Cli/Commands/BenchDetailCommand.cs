using System.Globalization;
using System.Numerics;
using ArtGallery.Detail;
using ArtGallery.Detail.Quality;
using ArtGallery.Detail.Training;
using ArtGallery.Imaging;
using ArtGallery.Metrics;
using SixLabors.ImageSharp.Processing;

namespace ArtGallery.Cli.Commands;

/// <summary>
/// artgallery bench detail: held-out built-in paintings painted at 64 px and at 256/1024/4096 px (ground truth); Lanczos vs
/// each level of the detail cascade (x4 = pass 1, x16 = passes 1-2, x64 = passes 1-3), from clean 64 px renders and from
/// generator-like ones (the model's own calibrated degradation, which the model is told; clean inputs are told "clean"),
/// for all paintings and for ColorField alone. At x16 and x64 a third row, lanczos-last, runs the passes before the last and
/// Lanczos in the last one's place: what the last pass itself adds.
/// </summary>
public sealed class BenchDetailCommand : ICliCommand
{
    public string Verb => "bench detail";
    public string Usage => "bench detail --detail FILE.agdetail|default [--count N] [--count16 M] [--count64 K] [--threads T] [--seed S] [--save DIR]";

    public int Run(CliArgs args, CliContext context)
    {
        string detail = args.Required("detail");
        int count = args.Int("count", 200, 1, 100_000), count16 = args.Int("count16", 50, 0, 100_000), count64 = args.Int("count64", 0, 0, 100);
        int threads = args.Int("threads", 2, 1, 256), seed = args.Int("seed", 12345, 0, int.MaxValue);
        string? save = args.Optional("save");
        args.EnsureAllUsed();
        string path = DetailOption.Path(detail);
        TorchSharp.torch.set_num_threads(threads);
        using var model = DetailModel.Load(path);
        // A dataset seed the detail model (seed 11) and the generator (seed 0) never saw.
        var paintings = new BuiltinAbstractDataset(Math.Max(count, Math.Max(count16, count64)), seed, cacheBytes: 0);
        int low = model.Info.GeneratorResolution;
        var rows = new Dictionary<string, List<double[]>>();
        for (int i = 0; i < paintings.Count; i++)
        {
            context.Cancel.ThrowIfCancellationRequested();
            var clean = Read(paintings, i, low);
            var degraded = Degradation.Apply(clean, low, low, model.Info.Profile, i);
            foreach (var (factor, n) in new[] { (4, count), (16, count16), (64, count64) })
            {
                if (i >= n || low * factor > AbstractPainter.MaxResolution) continue;
                var truth = Read(paintings, i, low * factor);
                foreach (var (lrName, lr, profile) in new[] { ("clean", clean, DegradationProfile.Clean), ("generator-like", degraded, model.Info.Profile) })
                {
                    var lanczos = Lanczos(lr, low, low * factor);
                    // The passes before the last (none at x4) run once: the last pass, or Lanczos in its place, continues from them.
                    int before = low * factor / 4, lastPass = BitOperations.Log2((uint)factor) / 2;
                    var earlier = Cascade(model, lr, low, factor / 4, profile);
                    var sharp = Cascade(model, earlier, before, 4, profile, lastPass);
                    var lanczosLast = factor > 4 ? Lanczos(earlier, before, low * factor) : null;
                    // Each level of the cascade against its own ground truth (x4 = pass 1, x16 = passes 1-2, x64 = 1-3),
                    // and again for ColorField alone: its feathered edges are what a too-eager net draws hard.
                    foreach (var group in paintings.FamilyAt(i) == ArtFamily.ColorField ? new[] { "", " ColorField" } : [""])
                    {
                        Add(rows, $"x{factor} {lrName}{group} lanczos", Score(lanczos, truth, low * factor));
                        Add(rows, $"x{factor} {lrName}{group} detail", Score(sharp, truth, low * factor));
                        if (lanczosLast is not null) Add(rows, $"x{factor} {lrName}{group} lanczos-last", Score(lanczosLast, truth, low * factor));
                    }
                    if (save is not null && i < 4) Save(save, $"p{i}-x{factor}-{lrName}", lanczos, sharp, truth, low * factor);
                }
            }
            if ((i + 1) % 10 == 0) context.Out.WriteLine($"  {i + 1} paintings");
        }
        context.Out.WriteLine($"detail model {model.Id} ({model.ParameterCount} params, {model.MultiplyAddsPerInputPixel} MACs/input px), held-out " +
            $"builtin:abstract seed {seed}, {count} paintings at x4, {count16} at x16, {count64} at x64");
        context.Out.WriteLine("| case | upscaler | PSNR dB | SSIM | 10-90% edge width px | n |");
        context.Out.WriteLine("|---|---|---:|---:|---:|---:|");
        foreach (var (name, list) in rows.OrderBy(r => Order(r.Key)))
        {
            var mean = Enumerable.Range(0, 3).Select(k => list.Select(r => r[k]).Where(double.IsFinite).DefaultIfEmpty(double.NaN).Average()).ToArray();
            int split = name.LastIndexOf(' ');
            context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name[..split]} | {name[(split + 1)..]} | {mean[0]:0.00} | {mean[1]:0.000} | {mean[2]:0.0} | {list.Count} |"));
        }
        return 0;
    }

    // x4 passes from firstPass, one after another, each on the whole image and 8-bit between passes (the cascade a print
    // runs, without its crop); factor 1 returns the input.
    private static float[] Cascade(DetailModel model, float[] chw, int side, int factor, DegradationProfile input, int firstPass = 1)
    {
        for (int pass = firstPass; factor > 1; factor /= 4, side *= 4, pass++) chw = Quantised(model.Upscale(chw, side, side, pass, input), side * 4);
        return chw;
    }

    // Rows by factor, then input, then all paintings before ColorField; Lanczos, the model, then lanczos-last.
    private static string Order(string key) => key.Replace("x4 ", "x04 ").Replace(" ColorField", " ~ColorField").Replace(" lanczos-last", " z").Replace(" lanczos", " a");

    private static float[] Read(BuiltinAbstractDataset d, int i, int side)
    {
        var chw = new float[3 * side * side];
        d.Read(i, side, chw);
        return chw;
    }

    private static double[] Score(float[] test, float[] truth, int side) =>
        [ImageQuality.Psnr(test, truth), ImageQuality.Ssim(test, truth, side, side), EdgeWidth.Mean(test, truth, side, side)];

    private static void Add(Dictionary<string, List<double[]>> rows, string key, double[] score)
    {
        if (!rows.TryGetValue(key, out var list)) rows[key] = list = [];
        list.Add(score);
    }

    private static float[] Lanczos(float[] chw, int side, int target)
    {
        using var image = PlanarRgb.ToImage(chw, side, side);
        image.Mutate(x => x.Resize(target, target, KnownResamplers.Lanczos3));
        var result = new float[3 * target * target];
        PlanarRgb.FromImage(image, result);
        return result;
    }

    private static float[] Quantised(float[] chw, int side)
    {
        using var image = PlanarRgb.ToImage(chw, side, side);
        var result = new float[chw.Length];
        PlanarRgb.FromImage(image, result);
        return result;
    }

    // Lanczos | detail | truth; above 512 px, the central 256 px of each at 100% (what a print shows up close).
    private static void Save(string dir, string name, float[] lanczos, float[] sharp, float[] truth, int side)
    {
        Directory.CreateDirectory(dir);
        int window = side > 512 ? 256 : side;
        float[][] crops = [.. new[] { lanczos, sharp, truth }.Select(chw => Centre(chw, side, window))];
        using var grid = SampleGrid.Compose(crops, window, 3);
        File.WriteAllBytes(Path.Combine(dir, name + "-lanczos-detail-truth.png"), PngExport.Encode(grid));
    }

    private static float[] Centre(float[] chw, int side, int window)
    {
        if (window == side) return chw;
        int start = (side - window) / 2;
        var crop = new float[3 * window * window];
        for (int c = 0; c < 3; c++)
            for (int y = 0; y < window; y++)
                Array.Copy(chw, c * side * side + (start + y) * side + start, crop, (c * window + y) * window, window);
        return crop;
    }
}
