using ArtGallery.Gan.Benchmarks;
using ArtGallery.Gan.Training;
using ArtGallery.Imaging;

namespace ArtGallery.Cli.Commands;

/// <summary>artgallery bench train: images/s and achieved GFLOP/s for a fixed number of training steps (BENCHMARKS.md).</summary>
public sealed class BenchTrainCommand : ICliCommand, IHasFlags
{
    public string Verb => "bench train";
    public string Usage => "bench train --res R [--recipe progan|seed] [--steps N] [--threads T] [--batch B] [--rss]";
    public string[] Flags => ["rss"];

    public int Run(CliArgs args, CliContext context)
    {
        int res = args.PowerOfTwo("res", 0, 4, 1024);
        if (res == 0) throw new CliException("--res is required");
        var recipe = RecipeOption.Read(args, res, "res");
        int steps = args.Int("steps", 50, 1, 1_000_000);
        int threads = args.Int("threads", 2, 1, 256);
        // The seed post trains with the DCGAN tutorial's batch of 64; progan uses its own per-resolution default.
        int batch = args.Int("batch", recipe == GanRecipe.Seed ? 64 : 0, 0, 4096);
        bool rss = args.Flag("rss");
        args.EnsureAllUsed();

        var options = new TrainingOptions { Recipe = recipe, Threads = threads, Device = "cpu" };
        if (batch > 0) options = options with { BatchSizes = new() { [4] = batch }, SeedBatchSize = batch };
        var data = new BuiltinAbstractDataset(256, 0);
        var buffer = new float[3 * res * res];
        for (int i = 0; i < data.Count; i++) data.Read(i, res, buffer); // paint first: the bench times training, not the painter

        var result = TrainingBenchmark.Run(options, data, res, steps, rss ? step =>
        {
            if (step == 1 || step == 200 || step % 500 == 0 || step == steps)
                context.Out.WriteLine($"step {step}: RSS {ResidentMegabytes():F1} MB");
        } : null);
        context.Out.WriteLine($"{recipe} {res}px batch {result.BatchSize}, {result.Steps} steps on {threads} threads: " +
            $"{result.ImagesPerSecond:F1} img/s, {result.GflopsPerSecond:F1} GFLOP/s achieved ({result.GflopPerImage:F3} GFLOP per image)");
        return 0;
    }

    internal static double ResidentMegabytes() =>
        File.ReadLines("/proc/self/status").Where(l => l.StartsWith("VmRSS:", StringComparison.Ordinal))
            .Select(l => double.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) / 1024)
            .FirstOrDefault(double.NaN);
}
