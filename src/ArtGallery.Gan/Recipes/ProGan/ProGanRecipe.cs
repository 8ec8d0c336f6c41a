using ArtGallery.Gan.Models;
using ArtGallery.Gan.Training;
using ArtGallery.Imaging;

namespace ArtGallery.Gan.Recipes.ProGan;

/// <summary>Progressive GAN (Karras et al. 2018) with small-data practice: the default recipe (ENGINE.md).</summary>
internal sealed class ProGanRecipe : GanRecipeBase
{
    public override RecipeInfo Info { get; } =
        new(GanRecipe.ProGan, "progan", "Progressive GAN with small-data practice (EMA, R1, DiffAugment): the default", 4);

    public override bool Grows => true;

    public override GanGenerator CreateGenerator(TrainingOptions options) =>
        new ProGenerator(options.EffectiveLatentSize, options.MaxResolution, Widths(options));

    public override GanDiscriminator CreateDiscriminator(TrainingOptions options) => new ProDiscriminator(options.MaxResolution, Widths(options));

    public override RecipeStep CreateStep(TrainingOptions options, IImageDataset dataset, string? descriptorCache) => new ProGanStep(options);
}
