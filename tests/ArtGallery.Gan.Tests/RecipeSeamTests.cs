using System.Text.Json;
using ArtGallery.Gan.Checkpoints;
using ArtGallery.Gan.Sampling;
using ArtGallery.Gan.Training;

namespace ArtGallery.Gan.Tests;

/// <summary>The recipe seam's promises to older files: "seed" still names the dcgan recipe everywhere, options carry a
/// version, and a run folder and model written by a build from before the seam (Fixtures/dcgan-v1*) still resume and load.</summary>
[Collection("Sequential")]
public sealed class RecipeSeamTests
{
    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    [Fact]
    public void Parse_SeedIsAnAliasOfDcgan()
    {
        Assert.Equal(GanRecipe.Dcgan, GanRecipes.Parse("dcgan"));
        Assert.Equal(GanRecipe.Dcgan, GanRecipes.Parse("seed"));
        Assert.Equal(["seed"], GanRecipes.Info(GanRecipe.Dcgan).Aliases);
        Assert.DoesNotContain(GanRecipes.All, r => r.Name == "seed"); // offered as dcgan only
    }

    [Theory]
    [InlineData("Seed")] // run.json and checkpoints of older builds
    [InlineData("seed")] // hand-written options files
    [InlineData("dcgan")]
    [InlineData("Dcgan")]
    public void FromJson_DcganUnderAnyOfItsNames_ReadsAsDcganAndWritesDcgan(string stored)
    {
        var options = TrainingOptions.FromJson($$"""{ "Recipe": "{{stored}}", "MaxResolution": 16, "SeedGenChannels": 8 }""");
        Assert.Equal(GanRecipe.Dcgan, options.Recipe);
        Assert.Equal(8, options.DcganGenChannels); // the dcgan settings keep their stored names
        Assert.Contains("\"Recipe\": \"Dcgan\"", options.ToJson());
        Assert.Contains("\"SeedGenChannels\": 8", options.ToJson());
    }

    [Fact]
    public void FromJson_UnknownRecipeName_ErrorNamesTheRecipes()
    {
        var e = Assert.Throws<JsonException>(() => TrainingOptions.FromJson("""{ "Recipe": "stylegan" }"""));
        Assert.Contains("'stylegan'", e.Message);
        Assert.Contains("dcgan", e.Message);
    }

    [Fact]
    public void Version_WrittenAsCurrent_AndAFileWithoutItReadsAsVersion1()
    {
        var fresh = new TrainingOptions();
        Assert.Equal(TrainingOptions.CurrentVersion, fresh.Version);
        Assert.Contains($"\"Version\": {TrainingOptions.CurrentVersion}", fresh.ToJson());
        Assert.Equal(TrainingOptions.CurrentVersion, TrainingOptions.FromJson(fresh.ToJson()).Version);
        Assert.Equal(1, TrainingOptions.FromJson("""{ "Recipe": "ProGan" }""").Version);
        var old = TrainingOptions.FromJson(File.ReadAllText(Fixture("dcgan-v1-run/run.json")));
        Assert.Equal(1, old.Version);
        // Written again (a resumed run's next checkpoint), it is in today's format and says so.
        Assert.Equal(TrainingOptions.CurrentVersion, TrainingOptions.FromJson(old.ToJson()).Version);
        Assert.Contains("\"Recipe\": \"Dcgan\"", old.ToJson());
    }

    [Fact]
    public void OldDcganRunFolder_ResumesAndKeepsItsWeights()
    {
        var run = TestOptions.TempDir();
        foreach (var file in Directory.GetFiles(Fixture("dcgan-v1-run"), "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(run, Path.GetRelativePath(Fixture("dcgan-v1-run"), file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        Assert.Contains("\"Recipe\": \"Seed\"", File.ReadAllText(Path.Combine(run, "run.json")));
        var old = CheckpointStore.LoadLatest(run)!;
        using var resumed = Trainer.Resume(run, new SyntheticDataset(), new ResumeChanges(FinalKimg: 0.016));
        Assert.Equal(GanRecipe.Dcgan, resumed.Options.Recipe);
        Assert.Equal(old.Counters.Step, resumed.Counters.Step);
        // Saved again before any step: the same networks and optimiser moments, now under today's options text.
        var again = CheckpointFile.Read(resumed.SaveCheckpoint());
        Assert.Equal(old.Generator, again.Generator);
        Assert.Equal(old.EmaGenerator, again.EmaGenerator);
        Assert.Equal(old.Discriminator, again.Discriminator);
        Assert.Equal(old.GeneratorOptimiser, again.GeneratorOptimiser);
        Assert.Equal(old.DiscriminatorOptimiser, again.DiscriminatorOptimiser);
        var final = resumed.Run();
        Assert.True(resumed.Counters.Step > old.Counters.Step);
        Assert.Equal(0, final.SkippedUpdates);
    }

    [Fact]
    public void OldDcganModel_LoadsWithItsIdAndRenders()
    {
        using var generator = ArtGenerator.Load(Fixture("dcgan-v1.agmodel"));
        Assert.Equal("09a0e0f457ba", generator.ModelId); // the id the old build gave it: favorites still find it
        Assert.Equal(GanRecipe.Dcgan, generator.Options.Recipe);
        var pixels = generator.Render(generator.LatentFor(42));
        Assert.Equal(3 * 16 * 16, pixels.Length);
        Assert.All(pixels, v => Assert.True(float.IsFinite(v)));
        // Five steps of a 4-channel net draw near-grey; what matters is that the latent reaches the pixels, reproducibly.
        Assert.NotEqual(pixels, generator.Render(generator.LatentFor(43)));
        Assert.Equal(pixels, generator.Render(generator.LatentFor(42)));
    }
}
