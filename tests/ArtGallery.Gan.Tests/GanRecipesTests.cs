using ArtGallery.Gan.Training;

namespace ArtGallery.Gan.Tests;

public sealed class GanRecipesTests
{
    [Theory]
    [InlineData(GanRecipe.Dcgan, 8, true)]
    [InlineData(GanRecipe.Dcgan, 16, false)]
    [InlineData(GanRecipe.ProGan, 8, false)]
    public void ResolutionProblem_SeedUnder16_Refused(GanRecipe recipe, int resolution, bool refused)
    {
        Assert.Equal(refused, GanRecipes.ResolutionProblem(recipe, resolution) is not null);
        // The options' own validation applies the same rule.
        var options = new TrainingOptions { Recipe = recipe, MaxResolution = resolution };
        if (refused) Assert.Throws<ArgumentException>(() => GanRecipes.Validate(options));
        else GanRecipes.Validate(options);
    }

    [Fact]
    public void All_EveryEnumValue_HasOneNamedEntryThatParsesBack()
    {
        Assert.Equal(Enum.GetValues<GanRecipe>().Order(), GanRecipes.All.Select(r => r.Recipe).Order());
        Assert.All(GanRecipes.All, r => Assert.Equal(r.Recipe, GanRecipes.Parse(r.Name)));
        Assert.Null(GanRecipes.Parse("stylegan"));
    }
}
