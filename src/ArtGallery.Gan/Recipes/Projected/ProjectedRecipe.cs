using System.Text.Json.Nodes;
using ArtGallery.Gan.Models;
using ArtGallery.Gan.Recipes.ProGan;
using ArtGallery.Gan.Training;
using ArtGallery.Imaging;

namespace ArtGallery.Gan.Recipes.Projected;

/// <summary>
/// Projected GAN (Sauer et al. 2021): a frozen ImageNet ResNet-18 discriminator backbone with trainable heads, and
/// progan's generator trained directly at the target size (ENGINE.md).
/// </summary>
internal sealed class ProjectedRecipe : GanRecipeBase
{
    /// <summary>The feature net taps ResNet-18 down to its 32x-reduced layer4 map: 32 px inputs at least.</summary>
    public const int MinResolution = 32;

    public override RecipeInfo Info { get; } =
        new(GanRecipe.Projected, "projected", "Projected GAN: a frozen ImageNet ResNet-18 discriminator backbone (experimental)", MinResolution);

    public override bool HasBatchNorm => true;

    // Its colour op (at p = 1) shifts every image's colours; the settings that ended its collapse were measured without
    // it (BENCHMARKS.md, issue 12).
    public override string DefaultAugmentPolicy => "translation,cutout";

    protected override void ValidateRecipe(TrainingOptions options)
    {
        var p = options.Projected;
        int batch = options.BatchAt(options.MaxResolution);
        // The feature network needs 32 px inputs; a larger input scale lets a smaller generator reach them.
        if (options.MaxResolution * p.InputScale < 32)
            throw new ArgumentException("The projected recipe needs a resolution of 32 or more (or a larger input scale).");
        if (p.MixChannels < 1 || p.HeadWidth < 1) throw new ArgumentException("Projected mixing and head widths must be positive.");
        if (p.InputScale is < 1 or > 8) throw new ArgumentException("Projected input scale must be 1..8.");
        if (p.Pack < 1 || batch % p.Pack != 0) throw new ArgumentException($"Projected pack ({p.Pack}) must divide the batch size ({batch}).");
        if (p.PixelHeadSize is < 0 or > 64 || (p.PixelHeadSize & (p.PixelHeadSize - 1)) != 0)
            throw new ArgumentException("Projected pixel head size must be 0 (none) or a power of two up to 64.");
        if (p.ModeSeekingWeight < 0) throw new ArgumentException("Mode-seeking weight must be 0 or positive.");
        if (p.ModeSeekingWeight > 0 && batch % 2 != 0) throw new ArgumentException("Mode seeking needs an even batch size.");
    }

    /// <summary>A run saved before the spread and pixel head existed (its stored options have an EffectiveLearningRate but
    /// no EffectiveAugmentPolicy yet) keeps the discriminator it was built with; a hand-written file gets today's.</summary>
    public override TrainingOptions ReadStored(TrainingOptions options, JsonObject stored)
    {
        bool savedBefore = stored.ContainsKey(nameof(TrainingOptions.EffectiveLearningRate)) && !stored.ContainsKey(nameof(TrainingOptions.EffectiveAugmentPolicy));
        if (!savedBefore || stored[nameof(TrainingOptions.Projected)] is not JsonObject saved) return options;
        return options with
        {
            Projected = options.Projected with
            {
                MinibatchStdDev = saved.ContainsKey(nameof(ProjectedOptions.MinibatchStdDev)) && options.Projected.MinibatchStdDev,
                PixelHeadSize = saved.ContainsKey(nameof(ProjectedOptions.PixelHeadSize)) ? options.Projected.PixelHeadSize : 0,
            },
        };
    }

    public override GanGenerator CreateGenerator(TrainingOptions options) =>
        new ProGenerator(options.EffectiveLatentSize, options.MaxResolution, Widths(options));

    public override GanDiscriminator CreateDiscriminator(TrainingOptions options) => new ProjectedDiscriminator(options.MaxResolution, options.Projected);

    public override RecipeStep CreateStep(TrainingOptions options, IImageDataset dataset, string? descriptorCache) => new ProjectedStep(options);
}
