using ArtGallery.Gan.Benchmarks;
using ArtGallery.Gan.Training;
using ArtGallery.Imaging;

namespace ArtGallery.Cli.Commands;

/// <summary>artgallery bench train: images/s and achieved GFLOP/s for a fixed number of training steps (BENCHMARKS.md).</summary>
public sealed class BenchTrainCommand : ICliCommand, IHasFlags
{
    public string Verb => "bench train";
    public string Usage => $"bench train --res R [--recipe {GanRecipes.NamePattern}] [--steps N] [--threads T] [--batch B] [--width W] [--rss] " +
        $"[--gc-stress] [--render-load] [--minutes M]";
    public string[] Flags => ["rss", "gc-stress", "render-load"];

    public int Run(CliArgs args, CliContext context)
    {
        int res = args.PowerOfTwo("res", 0, 4, 1024);
        if (res == 0) throw new CliException("--res is required");
        var recipe = RecipeOption.Read(args, res, "res");
        int steps = args.Int("steps", 50, 1, 1_000_000);
        int threads = args.Int("threads", 2, 1, 256);
        // The seed post trains with the DCGAN tutorial's batch of 64; progan uses its own per-resolution default.
        int batch = args.Int("batch", recipe == GanRecipe.Dcgan ? 64 : 0, 0, 4096);
        int width = args.Int("width", 0, 0, 4096); // 0: the recipe's widths; else every progan block this wide
        bool rss = args.Flag("rss");
        var load = (args.Flag("gc-stress") ? BenchmarkLoadKind.GcStress : 0) | (args.Flag("render-load") ? BenchmarkLoadKind.Render : 0);
        double minutes = args.Double("minutes", 0, 0, 24 * 60);
        args.EnsureAllUsed();

        var options = new TrainingOptions { Recipe = recipe, Threads = threads, Device = "cpu" };
        if (width > 0) options = options with { Widths = new() { [4] = width } };
        if (batch > 0) options = options with { BatchSizes = new() { [4] = batch }, DcganBatchSize = batch };
        var data = new BuiltinAbstractDataset(256, 0);
        var buffer = new float[3 * res * res];
        for (int i = 0; i < data.Count; i++) data.Read(i, res, buffer); // paint first: the bench times training, not the painter

        var result = TrainingBenchmark.Run(options, data, res, steps, rss ? step =>
        {
            if (step == 1 || step == 200 || step % 500 == 0 || step == steps)
                context.Out.WriteLine($"step {step}: RSS {ResidentMegabytes():F1} MB");
        } : null, load, minutes > 0 ? TimeSpan.FromMinutes(minutes) : null);
        context.Out.WriteLine($"{recipe} {res}px batch {result.BatchSize}, {result.Steps} steps on {threads} threads: " +
            $"{result.ImagesPerSecond:F1} img/s, {result.GflopsPerSecond:F1} GFLOP/s achieved ({result.GflopPerImage:F3} GFLOP per image)");
        if (load != BenchmarkLoadKind.None || result.SkippedUpdates > 0 || result.FailedSteps > 0)
            context.Out.WriteLine($"load {load}: {result.SkippedUpdates} dropped updates, {result.FailedSteps} failed steps in {result.Steps} steps " +
                $"({result.SkippedUpdates * 10_000.0 / Math.Max(result.Steps, 1):F1} per 10,000 steps) over {result.Seconds:F0} s; " +
                $"{result.Renders} renders, {result.RenderFaults} render faults");
        return 0;
    }

    internal static double ResidentMegabytes() =>
        File.ReadLines("/proc/self/status").Where(l => l.StartsWith("VmRSS:", StringComparison.Ordinal))
            .Select(l => double.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) / 1024)
            .FirstOrDefault(double.NaN);
}
