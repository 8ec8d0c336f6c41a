using System.Text.Json.Nodes;
using ArtGallery.Gan.Models;
using ArtGallery.Gan.Training;
using ArtGallery.Imaging;

namespace ArtGallery.Gan.Recipes;

/// <summary>A recipe's defaults where it does not say otherwise (progan's), and the option checks every recipe shares.</summary>
internal abstract class GanRecipeBase : IGanRecipe
{
    public abstract RecipeInfo Info { get; }

    public virtual bool Grows => false;

    public virtual bool HasBatchNorm => false;

    public virtual string DefaultAugmentPolicy => "color,translation,cutout";

    // 2e-3 suits the equalized-LR networks: the papers' 2e-4 left them all but unmoving in a CPU budget (BENCHMARKS.md, issue 12).
    public virtual double DefaultLearningRate => 2e-3;

    public virtual (double Beta1, double Beta2) Betas => (0.0, 0.99);

    public virtual int BatchAt(TrainingOptions options, int resolution) => options.BatchTableAt(resolution);

    public virtual int LatentSize(TrainingOptions options) => options.LatentSize > 0 ? options.LatentSize : options.WidthAt(4);

    // StyleGAN2-ADA's batch * 10 / 32 kimg.
    public virtual double DefaultEmaHalfLifeAt(TrainingOptions options, int resolution) => BatchAt(options, resolution) * 10.0 / 32;

    public void Validate(TrainingOptions options)
    {
        ValidateRecipe(options);
        ValidateShared(options);
    }

    /// <summary>The recipe's own checks (run before the shared ones); by default its smallest resolution.</summary>
    protected virtual void ValidateRecipe(TrainingOptions options)
    {
        if (GanRecipes.ResolutionProblem(Info.Recipe, options.MaxResolution) is { } tooSmall) throw new ArgumentException(tooSmall);
    }

    private static void ValidateShared(TrainingOptions o)
    {
        if (o.KimgPerPhase <= 0) throw new ArgumentException("Kimg per phase must be positive.");
        if (o.FinalKimg is <= 0) throw new ArgumentException("Final kimg must be positive.");
        if (o.Threads < 0) throw new ArgumentException("Threads must be 0 (default) or positive.");
        if (o.Minutes is <= 0) throw new ArgumentException("Minutes must be positive.");
        if (o.CheckpointKimg <= 0 || o.SampleKimg <= 0) throw new ArgumentException("Checkpoint and sample cadence must be positive.");
        if (o.AugmentP is < 0 or > 1) throw new ArgumentException("Augment p must be in [0, 1].");
        if (o.Widths.Count == 0 || !o.Widths.ContainsKey(4) || o.Widths.Values.Any(w => w < 1)) throw new ArgumentException("Widths need a positive entry for 4.");
        if (o.BatchSizes.Count == 0 || !o.BatchSizes.ContainsKey(4) || o.BatchSizes.Values.Any(b => b < 1))
            throw new ArgumentException("Batch sizes need a positive entry for 4.");
        foreach (var op in o.AugmentOps)
            if (op is not ("color" or "translation" or "cutout")) throw new ArgumentException($"Unknown augmentation '{op}'.");
        _ = DeviceSelector.Validate(o.Device);
    }

    public virtual TrainingOptions ReadStored(TrainingOptions options, JsonObject stored) => options;

    public virtual IReadOnlyList<(int Resolution, int Width)> GeneratorLayers(TrainingOptions options) =>
        [.. Widths(options).Select((width, i) => (4 << i, width))];

    // ProGenerator: a dense 4x4 block, then two 3x3 convs and a toRGB per stage.
    public virtual long GeneratorWeightsAtLeast(TrainingOptions options)
    {
        var widths = GeneratorLayers(options).Select(l => (long)l.Width).ToArray();
        long total = options.EffectiveLatentSize * widths[0] * 16 + 9 * widths[0] * widths[0] + 3 * widths[0];
        for (int i = 1; i < widths.Length; i++) total += 9 * widths[i - 1] * widths[i] + 9 * widths[i] * widths[i] + 3 * widths[i];
        return total;
    }

    public abstract GanGenerator CreateGenerator(TrainingOptions options);

    public abstract GanDiscriminator CreateDiscriminator(TrainingOptions options);

    public abstract RecipeStep CreateStep(TrainingOptions options, IImageDataset dataset, string? descriptorCache);

    /// <summary>The progan-style width of every stage, 4 px up to the target resolution.</summary>
    protected static int[] Widths(TrainingOptions options) =>
        [.. Enumerable.Range(0, (int)Math.Log2(options.MaxResolution) - 1).Select(i => options.WidthAt(4 << i))];
}
