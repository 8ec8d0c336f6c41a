using ArtGallery.Gan.Training;

namespace ArtGallery.Cli.Commands;

/// <summary>The --recipe option: progan (default), the seed post's DCGAN, or projected (frozen ImageNet features).</summary>
internal static class RecipeOption
{
    /// <summary>The recipe asked for, refused with a clear message when unknown or too small for the resolution.</summary>
    public static GanRecipe Read(CliArgs args, int resolution, string resolutionFlag)
    {
        var recipe = args.Optional("recipe") switch
        {
            null or "progan" => GanRecipe.ProGan,
            "seed" => GanRecipe.Seed,
            "projected" => GanRecipe.Projected,
            var other => throw new CliException($"--recipe must be progan, seed or projected, got '{other}'"),
        };
        if (recipe == GanRecipe.Seed && resolution < 16) throw new CliException($"the seed recipe needs --{resolutionFlag} 16 or more");
        if (recipe == GanRecipe.Projected && resolution < 32) throw new CliException($"the projected recipe needs --{resolutionFlag} 32 or more");
        return recipe;
    }
}
