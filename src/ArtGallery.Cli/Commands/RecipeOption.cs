using ArtGallery.Gan.Training;

namespace ArtGallery.Cli.Commands;

/// <summary>The --recipe option: progan (default), the seed post's DCGAN, or projected (frozen ImageNet features).</summary>
internal static class RecipeOption
{
    /// <summary>The recipe asked for, refused with a clear message when unknown or too small for the resolution.</summary>
    public static GanRecipe Read(CliArgs args, int resolution, string resolutionFlag)
    {
        var name = args.Optional("recipe");
        var recipe = name is null ? GanRecipes.All[0].Recipe
            : GanRecipes.Parse(name) ?? throw new CliException($"--recipe must be {GanRecipes.NameList}, got '{name}'");
        int min = GanRecipes.Info(recipe).MinResolution;
        if (resolution < min) throw new CliException($"the {GanRecipes.Info(recipe).Name} recipe needs --{resolutionFlag} {min} or more");
        return recipe;
    }
}
