using ArtGallery.Gan.Training;

namespace ArtGallery.Cli.Commands;

/// <summary>The --recipe option: progan (default) or the seed post's DCGAN.</summary>
internal static class RecipeOption
{
    /// <summary>The recipe asked for, refused with a clear message when unknown or too small for the resolution.</summary>
    public static GanRecipe Read(CliArgs args, int resolution, string resolutionFlag)
    {
        var recipe = args.Optional("recipe") switch
        {
            null or "progan" => GanRecipe.ProGan,
            "seed" => GanRecipe.Seed,
            var other => throw new CliException($"--recipe must be progan or seed, got '{other}'"),
        };
        if (recipe == GanRecipe.Seed && resolution < 16) throw new CliException($"the seed recipe needs --{resolutionFlag} 16 or more");
        return recipe;
    }
}
