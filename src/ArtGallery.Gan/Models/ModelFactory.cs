using ArtGallery.Gan.Training;

namespace ArtGallery.Gan.Models;

/// <summary>Builds the generator and discriminator a run's recipe describes (<see cref="Recipes.IGanRecipe"/>).</summary>
public static class ModelFactory
{
    /// <summary>The generator for the options (all growth stages built up front).</summary>
    public static GanGenerator CreateGenerator(TrainingOptions options) => GanRecipes.Of(options.Recipe).CreateGenerator(options);

    /// <summary>The discriminator for the options.</summary>
    public static GanDiscriminator CreateDiscriminator(TrainingOptions options) => GanRecipes.Of(options.Recipe).CreateDiscriminator(options);
}
