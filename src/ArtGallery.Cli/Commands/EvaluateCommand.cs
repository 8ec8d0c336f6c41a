using ArtGallery.Imaging;
using ArtGallery.Metrics;

namespace ArtGallery.Cli.Commands;

/// <summary>
/// artgallery evaluate: precision/recall, bin coverage, duplicates and (on builtin:abstract) family coverage of a
/// checkpoint's samples against real images, next to the real-vs-real ceiling. See src/ArtGallery.Metrics/README.md.
/// </summary>
public sealed class EvaluateCommand : ICliCommand, IHasFlags
{
    public string Verb => "evaluate";
    public string Usage => $"evaluate --checkpoint {CheckpointOption.Help} --data {DataOption.Help} [--count N] [--seed S] [--feature-size PX] [--no-fd] [--json]";
    public string[] Flags => ["json", "no-fd"];

    public int Run(CliArgs args, CliContext context)
    {
        string checkpoint = CheckpointOption.Path(args);
        string spec = args.Optional("data") ?? "builtin:abstract";
        // --count: real images used (two halves: reference and ceiling); as many generated images as one half.
        int count = args.Int("count", 1000, 8, 100_000);
        int seed = args.Int("seed", 0, 0, int.MaxValue);
        bool json = args.Flag("json");
        // FD/KID in ResNet-18 pool features, images resized to --feature-size (224: the network's own input size).
        int featureSize = args.Int("feature-size", 224, 32, 1024);
        bool pretrained = !args.Flag("no-fd");
        args.EnsureAllUsed();

        // With --json, stdout carries only the JSON document; the chatter goes to stderr.
        var chatter = json ? context.Err : context.Out;
        var real = DataOption.Open(spec, context with { Out = chatter });
        using var generator = CheckpointOption.Load(checkpoint);
        int res = generator.Resolution;
        var options = new EvaluationOptions { MaxRealImages = count, Seed = seed };
        if (real is ILabelledDataset)
        {
            chatter.WriteLine("family classifier: loading or training (cached)...");
            options = options with { FamilyClassifier = FamilyClassifier.LoadOrTrain(ClassifierCache(res), new BuiltinAbstractDataset(1000, 4242), res) };
        }
        if (pretrained)
        {
            var extractor = new ArtGallery.Features.PoolFeatureExtractor(ArtGallery.Features.ResNet18Features.Load(), featureSize);
            options = options with { PretrainedFeatures = extractor.Extract };
        }
        chatter.WriteLine($"evaluating model {generator.ModelId} ({res}px) against {real.Name}...");
        // Seeds far from the gallery's first ones; rendered in chunks so memory stays small at any resolution.
        var report = Evaluator.Evaluate(real, n => Enumerable.Range(0, n).Chunk(32)
            .SelectMany(chunk => generator.RenderBatch([.. chunk.Select(i => generator.LatentFor(1_000_000L + seed + i))]))
            .ToList(), res, options);
        context.Out.WriteLine(json ? report.ToJson() : report.ToTable());
        return 0;
    }

    private static string ClassifierCache(int resolution)
    {
        string root = Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } xdg
            ? xdg : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        return Path.Combine(root, "artgallery", $"family-classifier-{resolution}px.json");
    }
}
