namespace ArtGallery.Gan.Training;

/// <summary>A recipe as offered to people: its command-line / form name, what it is, and its smallest resolution.</summary>
public sealed record RecipeInfo(GanRecipe Recipe, string Name, string Description, int MinResolution);

/// <summary>The one list of recipes and their rules (names, the seed recipe's 16 px minimum), shared by the engine, CLI and web form.</summary>
public static class GanRecipes
{
    /// <summary>The seed post's DCGAN starts from 4x4 and doubles twice at least: 16 px is its smallest output.</summary>
    public const int SeedMinResolution = 16;

    /// <summary>The projected discriminator taps ResNet-18 down to its 32x-reduced layer4 map: 32 px inputs at least.</summary>
    public const int ProjectedMinResolution = 32;

    /// <summary>Every recipe the engine has, default first.</summary>
    public static readonly IReadOnlyList<RecipeInfo> All =
    [
        new(GanRecipe.ProGan, "progan", "Progressive GAN with small-data practice (EMA, R1, DiffAugment): the default", 4),
        new(GanRecipe.Seed, "dcgan", "The seed post's DCGAN as published: the baseline", SeedMinResolution),
        new(GanRecipe.Projected, "projected", "Projected GAN: a frozen ImageNet ResNet-18 discriminator backbone (experimental)", ProjectedMinResolution),
        new(GanRecipe.Conditioned, "conditioned", "Progressive GAN conditioned on the collection's pictures: every palette and layout, colours on request", 4),
    ];

    /// <summary>The recipe's info.</summary>
    public static RecipeInfo Info(GanRecipe recipe) => All.First(r => r.Recipe == recipe);

    /// <summary>Parses a name ("progan", "dcgan", "projected", "conditioned"; "seed" is dcgan's old name); null when unknown.</summary>
    public static GanRecipe? Parse(string? name) => name == "seed" ? GanRecipe.Seed : All.FirstOrDefault(r => r.Name == name)?.Recipe;

    /// <summary>The names joined by '|', for usage lines.</summary>
    public static string NamePattern => string.Join('|', All.Select(r => r.Name));

    /// <summary>The names, for messages: "progan or seed".</summary>
    public static string NameList => string.Join(", ", All.Take(All.Count - 1).Select(r => r.Name)) + " or " + All[^1].Name;

    /// <summary>Null when the recipe can train at <paramref name="resolution"/>, else the reason.</summary>
    public static string? ResolutionProblem(GanRecipe recipe, int resolution)
    {
        var info = Info(recipe);
        return resolution < info.MinResolution ? $"The {info.Name} recipe needs a resolution of {info.MinResolution} or more." : null;
    }
}
