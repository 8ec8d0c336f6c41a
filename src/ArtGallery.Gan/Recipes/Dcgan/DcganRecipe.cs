using ArtGallery.Gan.Models;
using ArtGallery.Gan.Training;
using ArtGallery.Imaging;

namespace ArtGallery.Gan.Recipes.Dcgan;

/// <summary>
/// The seed post's DCGAN exactly as published, the baseline (ENGINE.md): BCE, Adam 2e-4 betas (0.5, 0.999), its own batch,
/// no augmentation, no EMA, trained directly at the target resolution. Called "seed" by older builds: still accepted.
/// </summary>
internal sealed class DcganRecipe : GanRecipeBase
{
    /// <summary>The network starts from 4x4 and doubles twice at least: 16 px is its smallest output.</summary>
    public const int MinResolution = 16;

    public override RecipeInfo Info { get; } =
        new(GanRecipe.Dcgan, "dcgan", "The seed post's DCGAN as published: the baseline", MinResolution) { Aliases = ["seed"] };

    public override bool HasBatchNorm => true;

    public override double DefaultLearningRate => 2e-4;

    public override (double Beta1, double Beta2) Betas => (0.5, 0.999);

    public override int BatchAt(TrainingOptions options, int resolution) => options.DcganBatchSize;

    public override int LatentSize(TrainingOptions options) => options.DcganLatentSize;

    // No EMA as published: the "EMA" copy is G itself.
    public override double DefaultEmaHalfLifeAt(TrainingOptions options, int resolution) => 0;

    protected override void ValidateRecipe(TrainingOptions options)
    {
        base.ValidateRecipe(options);
        if (options.DcganBatchSize < 1) throw new ArgumentException("The dcgan batch size (SeedBatchSize) must be positive.");
    }

    // Its feature maps are 2c wide up to a quarter of its size, then c, and its last layer writes RGB.
    public override IReadOnlyList<(int Resolution, int Width)> GeneratorLayers(TrainingOptions options)
    {
        int max = options.MaxResolution, c = options.DcganGenChannels;
        return [.. Enumerable.Range(0, (int)Math.Log2(max) - 1).Select(i => 4 << i).Select(res => (res, res == max ? 3 : res == max / 2 ? c : 2 * c))];
    }

    // 4x4 transposed convs.
    public override long GeneratorWeightsAtLeast(TrainingOptions options)
    {
        long c = options.DcganGenChannels, n = (int)Math.Log2(options.MaxResolution) - 1;
        return 16 * (options.DcganLatentSize * 2 * c + (n - 3) * 4 * c * c + 2 * c * c + 3 * c);
    }

    public override GanGenerator CreateGenerator(TrainingOptions options) =>
        new DcganGenerator(options.MaxResolution, options.DcganLatentSize, options.DcganGenChannels);

    public override GanDiscriminator CreateDiscriminator(TrainingOptions options) => new DcganDiscriminator(options.MaxResolution, options.DcganDiscChannels);

    public override RecipeStep CreateStep(TrainingOptions options, IImageDataset dataset, string? descriptorCache) => new DcganStep(options);
}
