using ArtGallery.Detail;
using ArtGallery.Imaging;
using ArtGallery.Metrics;

namespace ArtGallery.Cli.Commands;

/// <summary>
/// artgallery evaluate: precision/recall, bin coverage, duplicates and (on builtin:abstract) family coverage of a
/// checkpoint's samples against real images, next to the real-vs-real ceiling; for a conditioned model also how well
/// "more like this" keeps to its picture. See src/ArtGallery.Metrics/README.md.
/// With --detail the samples are first taken to --res (default 4x the generator's) by the detail cascade, as the
/// artwork view and prints show them, and judged against real images read at that resolution.
/// </summary>
public sealed class EvaluateCommand : ICliCommand, IHasFlags
{
    public string Verb => "evaluate";
    public string Usage => $"evaluate --checkpoint {CheckpointOption.Help} --data {DataOption.Help} [--count N] [--seed S] [--truncation PSI] [--feature-size PX] " +
        $"[--detail {DetailOption.Help} [--res PX]] [--threads T] [--no-fd] [--json]";
    public string[] Flags => ["json", "no-fd"];

    public int Run(CliArgs args, CliContext context)
    {
        string checkpoint = CheckpointOption.Path(args);
        string spec = args.Optional("data") ?? "builtin:abstract";
        // --count: real images used (two halves: reference and ceiling); as many generated images as one half.
        int count = args.Int("count", 1000, 8, 100_000);
        int seed = args.Int("seed", 0, 0, int.MaxValue);
        // --truncation: what every sample (and every "more like this" sample) is rendered at, as in generate and ?trunc= in a URL.
        float truncation = (float)args.Double("truncation", 1, 0, 2);
        bool json = args.Flag("json");
        // FD/KID in ResNet-18 pool features, images resized to --feature-size (224: the network's own input size).
        int featureSize = args.Int("feature-size", 224, 32, 1024);
        bool pretrained = !args.Flag("no-fd");
        string? detail = args.Optional("detail");
        int? outRes = args.Optional("res") is null ? null : args.Int("res", 256, 8, 4096);
        int threads = args.Int("threads", 2, 1, 256);
        args.EnsureAllUsed();
        if (outRes is not null && detail is null) throw new CliException("--res needs --detail: only the detail model takes samples to another resolution");
        string? detailPath = detail is null ? null : DetailOption.Path(detail);
        TorchSharp.torch.set_num_threads(threads);

        // With --json, stdout carries only the JSON document; the chatter goes to stderr.
        var chatter = json ? context.Err : context.Out;
        var real = DataOption.Open(spec, context with { Out = chatter });
        using var generator = CheckpointOption.Load(checkpoint);
        int sampleRes = generator.Resolution;
        using var upscaler = detailPath is null ? null : DetailModel.Load(detailPath);
        upscaler?.EnsureServes(sampleRes);
        int res = outRes ?? (upscaler is null ? sampleRes : sampleRes * Detail.Network.DetailNet.Scale);
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
        chatter.WriteLine(upscaler is null
            ? $"evaluating model {generator.ModelId} ({res}px) against {real.Name}..."
            : $"evaluating model {generator.ModelId}, samples taken {sampleRes} -> {res} px by detail model {upscaler.Id}, against {real.Name} read at {res} px...");
        // Seeds far from the gallery's first ones; rendered in chunks so memory stays small at any resolution.
        var report = Evaluator.Evaluate(real, n => Enumerable.Range(0, n).Chunk(32)
            .SelectMany(chunk => generator.RenderBatch([.. chunk.Select(i => generator.LatentFor(1_000_000L + seed + i))], truncation))
            .Select(sample => upscaler is null ? sample : Upscale(upscaler, sample, sampleRes, res))
            .ToList(), res, options);
        if (generator.Collection is not null) report = report with { Like = ArtGallery.Gan.Conditioning.LikeCheck.Measure(generator, truncation: truncation) };
        context.Out.WriteLine(json ? report.ToJson() : report.ToTable());
        return 0;
    }

    // The sample as served (8-bit), through the same cascade the artwork view uses, back to CHW floats.
    private static float[] Upscale(DetailModel model, float[] sample, int from, int to)
    {
        using var image = PlanarRgb.ToImage(sample, from, from);
        using var sharp = DetailCascade.Render(model, image, to, to);
        var chw = new float[3 * to * to];
        PlanarRgb.FromImage(sharp, chw);
        return chw;
    }

    private static string ClassifierCache(int resolution)
    {
        string root = Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } xdg
            ? xdg : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        return Path.Combine(root, "artgallery", $"family-classifier-{resolution}px.json");
    }
}
