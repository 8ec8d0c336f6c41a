using ArtGallery.Gan.Benchmarks;
using ArtGallery.Gan.Sampling;
using ArtGallery.Gan.Training;

namespace ArtGallery.Cli.Commands;

/// <summary>artgallery bench generate: milliseconds per image for single-image renders (the gallery's case).</summary>
public sealed class BenchGenerateCommand : ICliCommand
{
    public string Verb => "bench generate";
    public string Usage => $"bench generate --res R [--count N] [--threads T] [--checkpoint {CheckpointOption.Help}]";

    public int Run(CliArgs args, CliContext context)
    {
        bool fromCheckpoint = args.Optional("checkpoint") is not null;
        string? checkpoint = fromCheckpoint ? CheckpointOption.Path(args) : null;
        int res = args.PowerOfTwo("res", 0, 4, 1024);
        if (res == 0 && checkpoint is null) throw new CliException("--res is required (or give --checkpoint)");
        int count = args.Int("count", 50, 1, 100_000);
        int threads = args.Int("threads", 2, 1, 256);
        args.EnsureAllUsed();

        TorchSharp.torch.set_num_threads(threads);
        // Speed depends on the architecture, not the weights: an untrained default generator measures the same work.
        using var generator = checkpoint is not null ? CheckpointOption.Load(checkpoint)
            : ArtGenerator.CreateUntrained(new TrainingOptions { Device = "cpu" }, res);
        if (checkpoint is not null && res != 0 && res != generator.Resolution)
            throw new CliException($"--res {res} does not match the checkpoint's {generator.Resolution}px");
        double ms = GenerationBenchmark.Run(generator, count);
        context.Out.WriteLine($"generate {generator.Resolution}px on {threads} threads: {ms:F2} ms per image ({count} images)");
        return 0;
    }
}
