using System.Globalization;
using ArtGallery.Gan.Training;

namespace ArtGallery.Cli.Commands;

/// <summary>
/// artgallery bench quality: the quality ladder. Trains a recipe on builtin:abstract at 64 px for a fixed clock, then
/// prints every evaluate metric (precision/recall, coverage, duplicates, families, distinct palettes, FD/KID). Same
/// schedule for every recipe: 4 kimg per growth phase, then full size until the clock runs out.
/// </summary>
public sealed class BenchQualityCommand : ICliCommand, IHasFlags
{
    public string Verb => "bench quality";
    public string Usage => $"bench quality --recipe {GanRecipes.NamePattern} --minutes M [--threads T] [--seed S] [--out RUNDIR] [--no-fd]";
    public string[] Flags => ["no-fd"];

    public int Run(CliArgs args, CliContext context)
    {
        var recipe = GanRecipes.Info(RecipeOption.Read(args, 64, "max-res")).Name;
        double minutes = args.Double("minutes", 0, 0.1, 24 * 60);
        if (minutes == 0) throw new CliException("--minutes is required");
        string threads = args.Int("threads", 2, 1, 256).ToString(CultureInfo.InvariantCulture);
        string seed = args.Long("seed", 1, 0, long.MaxValue).ToString(CultureInfo.InvariantCulture);
        string run = args.Optional("out") ?? Path.Combine(Path.GetTempPath(), $"artgallery-quality-{recipe}-{Environment.ProcessId}");
        bool noFd = args.Flag("no-fd");
        args.EnsureAllUsed();

        string[] train = ["--data", "builtin:abstract", "--max-res", "64", "--recipe", recipe, "--kimg-per-phase", "4", "--final-kimg", "1000",
            "--minutes", minutes.ToString(CultureInfo.InvariantCulture), "--threads", threads, "--seed", seed, "--out", run];
        int rc = new TrainCommand().Run(CliArgs.Parse(train), context);
        if (rc != 0) return rc;
        context.Out.WriteLine($"quality of {recipe} after {minutes} min on {threads} thread(s) (command: artgallery train {string.Join(' ', train)}):");
        string[] evaluate = ["--checkpoint", run, "--data", "builtin:abstract", "--threads", threads, .. noFd ? new[] { "--no-fd" } : []];
        var evaluator = new EvaluateCommand();
        return evaluator.Run(CliArgs.Parse(evaluate, evaluator.Flags), context);
    }
}
