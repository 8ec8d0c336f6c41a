using ArtGallery.Detail;
using ArtGallery.Detail.Training;

namespace ArtGallery.Cli.Commands;

/// <summary>artgallery detail train: calibrates the degradation on a generator, then trains its x4 detail model.</summary>
public sealed class DetailTrainCommand : ICliCommand, IHasFlags
{
    public string[] Flags => ["unconditioned"];

    public string Verb => "detail train";
    public string Usage => "detail train --data builtin:abstract|PATH --for RUNDIR|MODEL --out FILE.agdetail [--minutes M] [--steps N] [--threads T] " +
        "[--seed S] [--continue FILE.agdetail] [--channels C] [--blocks B] [--crop PX] [--batch N] [--clean-fraction F] " +
        "[--pass K --previous FILE.agdetail] [--fft W] [--feature W] [--adversarial W] [--largest-painting PX] [--unconditioned]";

    public int Run(CliArgs args, CliContext context)
    {
        string data = args.Required("data");
        string generatorPath = args.Required("for");
        string output = args.Required("out");
        var options = new DetailTrainingOptions
        {
            Minutes = args.Double("minutes", 10, 0.05, 24 * 60),
            Steps = args.Optional("steps") is null ? null : args.Int("steps", 1, 1, 10_000_000),
            Threads = args.Int("threads", 2, 1, 256),
            Seed = args.Int("seed", 1, 0, int.MaxValue),
            ContinueFrom = args.Optional("continue"),
        };
        // Architecture and crop flags, defaulting to DetailTrainingOptions' (a --continue keeps its own architecture).
        var defaults = new DetailTrainingOptions();
        options = options with
        {
            Channels = args.Int("channels", defaults.Channels, 4, 256),
            Blocks = args.Int("blocks", defaults.Blocks, 1, 64),
            CropSize = args.Int("crop", defaults.CropSize, 16, 1024),
            Batch = args.Int("batch", defaults.Batch, 1, 256),
            CleanFraction = args.Double("clean-fraction", defaults.CleanFraction, 0, 1),
            Pass = args.Int("pass", 1, 1, DetailModelInfo.MaxPasses),
            Previous = args.Optional("previous"),
            FftWeight = args.Double("fft", 0, 0, 100),
            FeatureWeight = args.Double("feature", 0, 0, 100),
            AdversarialWeight = args.Double("adversarial", 0, 0, 100),
            Conditioned = !args.Flag("unconditioned"),
            LargestPainting = args.Optional("largest-painting") is null ? null : args.Int("largest-painting", 1024, 16, 4096),
        };
        args.EnsureAllUsed();
        if (options.Pass > 1 && options.Previous is null)
            throw new CliException($"--pass {options.Pass} trains on the output of passes 1..{options.Pass - 1}: give --previous FILE.agdetail that has them");
        if (options.Pass == 1 && options.Previous is not null) throw new CliException("--previous is for --pass 2 or 3 (the passes before the one trained)");
        if (options.Previous is { } before && !File.Exists(before)) throw new CliException($"--previous '{before}' does not exist (give a .agdetail file)");
        if (options.Channels % 4 != 0) throw new CliException($"--channels must be a multiple of 4, got {options.Channels}");
        if (options.CropSize % 4 != 0) throw new CliException($"--crop must be a multiple of 4 (the input is a quarter of it), got {options.CropSize}");
        if (options.ContinueFrom is { } start && !File.Exists(start))
            throw new CliException($"--continue '{start}' does not exist (give a .agdetail file)");
        if (!Directory.Exists(generatorPath) && !File.Exists(generatorPath))
            throw new CliException($"--for '{generatorPath}' does not exist (give a run folder, a .agck checkpoint or a .agmodel file)");
        var bar = new TerminalProgress(context.Out, !Console.IsOutputRedirected && context.Out == Console.Out);
        var progress = new LineProgress(p => bar.Update(p.Fraction,
            FormattableString.Invariant($"step {p.Step} {p.Elapsed:0}s L1 {p.Loss:0.0000} (bicubic {p.BicubicLoss:0.0000}) skipped {p.SkippedSteps}"), p.Fraction >= 1));
        using var model = DetailJob.Train(generatorPath, data, options, fit =>
        {
            context.Out.WriteLine($"calibrated: {fit.Profile} (spectrum error {fit.Error:0.0000}, clean {fit.CleanError:0.0000})");
            context.Out.WriteLine(fit.Table());
        }, progress, context.Cancel);
        if (Path.GetDirectoryName(Path.GetFullPath(output)) is { } dir) Directory.CreateDirectory(dir);
        model.Save(output);
        context.Out.WriteLine($"saved detail model {model.Id} to {output} ({new FileInfo(output).Length / 1024} KiB, {model.ParameterCount} " +
            $"parameters, {model.MultiplyAddsPerInputPixel} multiply-adds per input pixel, {model.Info.Steps} steps in {model.Info.Minutes:0.0} min)");
        return 0;
    }
}

/// <summary>Reports on the training thread itself (Progress&lt;T&gt; would post to the thread pool and interleave lines).</summary>
internal sealed class LineProgress(Action<DetailProgress> report) : IProgress<DetailProgress>
{
    public void Report(DetailProgress value) => report(value);
}
