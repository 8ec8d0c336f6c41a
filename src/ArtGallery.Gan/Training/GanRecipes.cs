using ArtGallery.Gan.Recipes;

namespace ArtGallery.Gan.Training;

/// <summary>A recipe as offered to people: its command-line / form name, what it is, and its smallest resolution.
/// <see cref="Aliases"/> are older names still accepted (dcgan was "seed").</summary>
public sealed record RecipeInfo(GanRecipe Recipe, string Name, string Description, int MinResolution)
{
    /// <summary>Other names the recipe is accepted under.</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];
}

/// <summary>The one list of recipes (<see cref="IGanRecipe"/>, one folder each under Recipes/), shared by the engine, CLI
/// and web form: names, aliases, rules and option checks.</summary>
public static class GanRecipes
{
    private static readonly IGanRecipe[] Recipes =
        [new Recipes.ProGan.ProGanRecipe(), new Recipes.Dcgan.DcganRecipe(), new Recipes.Projected.ProjectedRecipe(), new Recipes.Conditioned.ConditionedRecipe()];

    /// <summary>Every recipe the engine has, default first.</summary>
    public static readonly IReadOnlyList<RecipeInfo> All = [.. Recipes.Select(r => r.Info)];

    /// <summary>The recipe's info.</summary>
    public static RecipeInfo Info(GanRecipe recipe) => Of(recipe).Info;

    /// <summary>The recipe behind <paramref name="recipe"/>; <see cref="ArgumentException"/> for a value no recipe has.</summary>
    internal static IGanRecipe Of(GanRecipe recipe) =>
        Recipes.FirstOrDefault(r => r.Info.Recipe == recipe) ?? throw new ArgumentException($"Unknown recipe {(int)recipe}.");

    /// <summary>Parses a name or alias ("progan", "dcgan" or its old name "seed", "projected", "conditioned"); null when unknown.</summary>
    public static GanRecipe? Parse(string? name) =>
        All.FirstOrDefault(r => r.Name == name || r.Aliases.Contains(name))?.Recipe;

    /// <summary>The names joined by '|', for usage lines.</summary>
    public static string NamePattern => string.Join('|', All.Select(r => r.Name));

    /// <summary>The names, for messages: "progan, dcgan, projected or conditioned".</summary>
    public static string NameList => string.Join(", ", All.Take(All.Count - 1).Select(r => r.Name)) + " or " + All[^1].Name;

    /// <summary>Null when the recipe can train at <paramref name="resolution"/>, else the reason.</summary>
    public static string? ResolutionProblem(GanRecipe recipe, int resolution)
    {
        var info = Info(recipe);
        return resolution < info.MinResolution ? $"The {info.Name} recipe needs a resolution of {info.MinResolution} or more." : null;
    }

    /// <summary>Throws <see cref="ArgumentException"/> with a clear message for options the recipe cannot train or load
    /// (the shared rules and the recipe's own, <see cref="IGanRecipe.Validate"/>).</summary>
    public static void Validate(TrainingOptions options)
    {
        if (options.MaxResolution < 4 || options.MaxResolution > 1024 || (options.MaxResolution & (options.MaxResolution - 1)) != 0)
            throw new ArgumentException($"Max resolution must be a power of two in 4..1024, got {options.MaxResolution}.");
        Of(options.Recipe).Validate(options);
    }
}
