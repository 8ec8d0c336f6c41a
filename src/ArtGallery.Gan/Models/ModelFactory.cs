using ArtGallery.Gan.Training;

namespace ArtGallery.Gan.Models;

/// <summary>Builds the generator and discriminator a recipe describes.</summary>
public static class ModelFactory
{
    /// <summary>The generator for the options (all growth stages built up front).</summary>
    public static GanGenerator CreateGenerator(TrainingOptions options) => options.Recipe switch
    {
        GanRecipe.Seed => new SeedGenerator(options.MaxResolution, options.SeedLatentSize, options.SeedGenChannels),
        GanRecipe.Conditioned => new ProGenerator(options.EffectiveLatentSize, options.MaxResolution, Widths(options),
            (options.Conditioned.EmbeddingSize, options.Conditioned.CollectionSize)),
        _ => new ProGenerator(options.EffectiveLatentSize, options.MaxResolution, Widths(options)),
    };

    /// <summary>The discriminator for the options.</summary>
    public static GanDiscriminator CreateDiscriminator(TrainingOptions options) => options.Recipe switch
    {
        GanRecipe.Seed => new SeedDiscriminator(options.MaxResolution, options.SeedDiscChannels),
        GanRecipe.Projected => new Projected.ProjectedDiscriminator(options.MaxResolution, options.Projected),
        GanRecipe.Conditioned => new ProDiscriminator(options.MaxResolution, Widths(options), options.Conditioned.EmbeddingSize),
        _ => new ProDiscriminator(options.MaxResolution, Widths(options)),
    };

    private static int[] Widths(TrainingOptions options) =>
        Enumerable.Range(0, (int)Math.Log2(options.MaxResolution) - 1).Select(i => options.WidthAt(4 << i)).ToArray();
}
