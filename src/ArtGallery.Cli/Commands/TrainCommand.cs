using ArtGallery.Contracts;
using ArtGallery.Gan.Training;
using ArtGallery.Gan;

namespace ArtGallery.Cli.Commands;

/// <summary>artgallery train: a progressive (or seed-recipe) run with a terminal progress bar; Ctrl+C stops with a checkpoint.</summary>
public sealed class TrainCommand : ICliCommand, IHasFlags
{
    public string Verb => "train";
    public string Usage => $"train --data {DataOption.Help} --max-res R --out RUNDIR [--recipe {GanRecipes.NamePattern}] [--kimg-per-phase K] [--final-kimg K] " +
        "[--minutes M] [--seed S] [--threads T] [--device auto|cpu|cuda] [--checkpoint-kimg K] [--options FILE.json] [--resume [--neighbours K] [--neighbours-by descriptor|composition] [--mode-seeking W] [--consistency W] [--loss logistic|rpgan] [--gamma G] [--widen RES:WIDTH,...] [--composition-size N] [--edges W]]";
    public string[] Flags => ["resume"];

    public int Run(CliArgs args, CliContext context)
    {
        bool resume = args.Flag("resume");
        string spec = args.Optional("data") ?? "builtin:abstract";
        string runDir = args.Required("out");
        double? minutes = args.Optional("minutes") is null ? null : args.Double("minutes", 0, 0.01, 100_000);
        var options = resume ? null : ReadOptions(args, minutes);
        var changes = resume ? ReadResumeChanges(args, minutes) : null;
        args.EnsureAllUsed();
        if (resume && !Directory.Exists(runDir)) throw new CliException($"--resume: run folder '{runDir}' does not exist");

        var dataset = DataOption.Open(spec, context);
        var descriptors = Trainer.DescriptorCachePath(spec, runDir);
        using var trainer = resume
            ? Trainer.Resume(runDir, dataset, changes, descriptors)
            : Trainer.Create(options!, dataset, runDir, descriptors);
        foreach (var skipped in trainer.SkippedCheckpoints) context.Err.WriteLine($"warning: skipped damaged checkpoint {skipped}");
        var o = trainer.Options;
        context.Out.WriteLine($"{(resume ? "resuming" : "training")} {o.Recipe} to {o.MaxResolution}px on {dataset.Name} " +
            $"({dataset.Count} images): {Kimg(trainer.Counters.Kimg, trainer.TotalKimg)} kimg done, run folder {runDir}");

        var bar = new TerminalProgress(context.Out, interactive: !Console.IsOutputRedirected && context.Out == Console.Out);
        bool warned = false;
        // Progress is reported on the training thread (a plain IProgress, not Progress<T>) so output keeps order.
        var final = trainer.Run(new Reporter(p =>
        {
            if (p.CollapseWarning && !warned)
                bar.Message($"WARNING: possible mode collapse at {p.Kimg:F1} kimg: generated diversity is {p.Diversity:P0} of the real images'. " +
                    "Samples are becoming alike; consider more augmentation, a lower learning rate, or resuming from an earlier checkpoint.");
            else if (!p.CollapseWarning && warned && p.Diversity is not null)
                bar.Message($"diversity recovered at {p.Kimg:F1} kimg ({p.Diversity:P0} of real)");
            warned = p.CollapseWarning;
            if (p.CheckpointPath is not null) bar.Message($"checkpoint {Path.GetFileName(p.CheckpointPath)}");
            bar.Update(p.Kimg / Math.Max(p.TotalKimg, 1e-9), Status(p), force: p.CheckpointPath is not null);
        }), context.Cancel);
        bar.Finish();
        context.Out.WriteLine($"stopped at {Kimg(final.Kimg, final.TotalKimg)} kimg ({final.Resolution}px); last checkpoint {final.CheckpointPath}");
        context.Out.WriteLine($"latest samples: {final.SampleGridPath}");
        if (final.SkippedUpdates > 0)
            context.Out.WriteLine(SkippedUpdates.Explain(final.SkippedUpdates));
        return context.Cancel.IsCancellationRequested ? 130 : 0;
    }

    private static TrainingOptions ReadOptions(CliArgs args, double? minutes)
    {
        int maxRes = args.PowerOfTwo("max-res", 0, 4, 1024);
        if (maxRes == 0) throw new CliException("--max-res is required");
        var recipe = RecipeOption.Read(args, maxRes, "max-res");
        var defaults = ReadOptionsFile(args.Optional("options"));
        var device = args.Optional("device") ?? defaults.Device;
        if (!DeviceSelector.Names.Contains(device)) throw new CliException($"--device must be {DeviceSelector.NameList}, got '{device}'");
        double checkpointKimg = args.Double("checkpoint-kimg", defaults.CheckpointKimg, 0.01, 100_000);
        return defaults with
        {
            Recipe = recipe,
            MaxResolution = maxRes,
            KimgPerPhase = args.Double("kimg-per-phase", defaults.KimgPerPhase, 0.001, 100_000),
            FinalKimg = args.Optional("final-kimg") is null ? defaults.FinalKimg : args.Double("final-kimg", 0, 0.001, 100_000),
            Minutes = minutes,
            Seed = args.Long("seed", 0, 0, long.MaxValue),
            Threads = args.Int("threads", defaults.Threads, 0, 256),
            Device = device,
            CheckpointKimg = checkpointKimg,
            SampleKimg = Math.Min(defaults.SampleKimg, checkpointKimg),
        };
    }

    // Conditioned runs that start drawing copies, or whose D overfits, can be treated on resume (ENGINE.md).
    private static ResumeChanges ReadResumeChanges(CliArgs args, double? minutes) => new(
        minutes,
        args.Optional("final-kimg") is null ? null : args.Double("final-kimg", 0, 0.001, 100_000),
        args.Optional("threads") is null ? null : args.Int("threads", 0, 0, 256),
        args.Optional("neighbours") is null ? null : args.Int("neighbours", 0, 1, 256),
        args.Optional("mode-seeking") is null ? null : args.Double("mode-seeking", 0, 0, 100),
        args.Optional("loss") is null ? null : ReadLoss(args.Required("loss")),
        args.Optional("gamma") is null ? null : args.Double("gamma", 0, 0, 1000),
        args.Optional("consistency") is null ? null : args.Double("consistency", 0, 0, 100),
        args.Optional("widen") is { } widen ? ReadWidths(widen) : null,
        args.Optional("neighbours-by") is { } space ? ReadNeighbourSpace(space) : null,
        args.Optional("composition-size") is null ? null : args.Int("composition-size", 0, 1, Gan.Recipes.Conditioned.ConditionedOptions.MaxCompositionSize),
        args.Optional("edges") is null ? null : args.Double("edges", 0, 0, 1000));

    private static Gan.Recipes.Conditioned.NeighbourSpace ReadNeighbourSpace(string name) => name.ToLowerInvariant() switch
    {
        "descriptor" => Gan.Recipes.Conditioned.NeighbourSpace.Descriptor,
        "composition" => Gan.Recipes.Conditioned.NeighbourSpace.Composition,
        _ => throw new CliException($"--neighbours-by must be descriptor or composition, got '{name}'"),
    };

    /// <summary>"32:64,64:32": stage resolution -> its new channel count.</summary>
    private static Dictionary<int, int> ReadWidths(string text)
    {
        var widths = new Dictionary<int, int>();
        foreach (var part in text.Split(','))
        {
            var pair = part.Split(':');
            if (pair.Length != 2 || !int.TryParse(pair[0], out int resolution) || !int.TryParse(pair[1], out int width) || width < 1 || width > 4096
                || !widths.TryAdd(resolution, width))
                throw new CliException($"--widen must be RES:WIDTH pairs such as 32:64,64:32 (each resolution once, widths 1..4096), got '{text}'");
        }
        return widths;
    }

    private static Gan.Recipes.Conditioned.ConditionedLoss ReadLoss(string name) => name.ToLowerInvariant() switch
    {
        "logistic" => Gan.Recipes.Conditioned.ConditionedLoss.Logistic,
        "rpgan" => Gan.Recipes.Conditioned.ConditionedLoss.RpGan,
        _ => throw new CliException($"--loss must be logistic or rpgan, got '{name}'"),
    };

    /// <summary>
    /// --options: a TrainingOptions JSON (the format of run.json) as the starting point, so a tuning run can change
    /// any knob (widths, batch, lr, R1, EMA, augmentation) and keep it on record; the flags above still override.
    /// </summary>
    private static TrainingOptions ReadOptionsFile(string? path)
    {
        if (path is null) return new TrainingOptions();
        if (!File.Exists(path)) throw new CliException($"--options: file '{path}' does not exist");
        try
        {
            var options = TrainingOptions.FromJson(File.ReadAllText(path));
            GanRecipes.Validate(options);
            return options;
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or ArgumentException or InvalidDataException)
        {
            throw new CliException($"--options: '{path}' is not valid training options: {e.Message}");
        }
    }

    private static string Status(TrainingProgress p) =>
        $"{Kimg(p.Kimg, p.TotalKimg)} kimg {p.Phase} {p.Resolution}px a={p.Alpha:F2} D {p.LossD:F2} G {p.LossG:F2} " +
        $"{p.ImagesPerSecond:F0} img/s p={p.AugmentP:F2}{(p.Diversity is { } d ? $" div={d:F2}" : "")} ETA {Eta(p.Eta)}";

    /// <summary>"done/total" with the same decimals for both, enough that a short run's total is not shown as 0 ("?" when unknown).</summary>
    public static string Kimg(double done, double total)
    {
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        if (!(total > 0)) return done.ToString("F1", invariant) + "/?";
        var format = total >= 10 ? "F1" : total >= 0.1 ? "F2" : "F3";
        return done.ToString(format, invariant) + "/" + total.ToString(format, invariant);
    }

    private static string Eta(TimeSpan? eta) => eta is { } e ? (e.TotalHours >= 1 ? $"{(int)e.TotalHours}h{e.Minutes:D2}m" : $"{e.Minutes}m{e.Seconds:D2}s") : "?";

    private sealed class Reporter(Action<TrainingProgress> report) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => report(value);
    }
}
