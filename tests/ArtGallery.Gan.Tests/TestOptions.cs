using ArtGallery.Gan.Recipes.Projected;
using ArtGallery.Gan.Training;

namespace ArtGallery.Gan.Tests;

/// <summary>Tiny-width options so CPU tests run in seconds.</summary>
internal static class TestOptions
{
    public static TrainingOptions Tiny(int maxResolution = 16, double kimgPerPhase = 0.1) => new()
    {
        MaxResolution = maxResolution,
        KimgPerPhase = kimgPerPhase,
        Widths = new() { [4] = 16, [8] = 16, [16] = 8, [32] = 8 },
        BatchSizes = new() { [4] = 8 },
        DcganBatchSize = 8,
        Threads = 1, // tiny tensors gain nothing from 2 threads, and 1 makes libtorch's NaN race far rarer (ENGINE.md)
        Device = "cpu",
        CheckpointKimg = 1000,
        SampleKimg = 1000,
        DiversityKimg = 0,
        Seed = 7,
    };

    /// <summary>Projected-recipe mixing and heads a few channels wide.</summary>
    public static readonly ProjectedOptions TinyProjected = new() { MixChannels = 4, HeadWidth = 8 };

    /// <summary>A tiny projected run at 32 px (the smallest the ResNet-18 taps allow).</summary>
    public static TrainingOptions TinyProjected32(double kimg = 0.016) =>
        Tiny(32, kimg) with { Recipe = GanRecipe.Projected, Projected = TinyProjected };

    /// <summary>A tiny dcgan run at 16 px (its smallest), 4 channels wide, batch 8.</summary>
    public static TrainingOptions TinyDcgan(double kimg = 0.016) =>
        Tiny(16, kimg) with { Recipe = GanRecipe.Dcgan, DcganGenChannels = 4, DcganDiscChannels = 4, DcganLatentSize = 8 };

    /// <summary>A tiny conditioned run (embedding 16 wide).</summary>
    public static TrainingOptions TinyConditioned(int maxResolution = 8, double kimgPerPhase = 0.1) =>
        Tiny(maxResolution, kimgPerPhase) with { Recipe = GanRecipe.Conditioned, Conditioned = new() { EmbeddingSize = 16 } };

    public static string TempDir()
    {
        var dir = Path.Combine(Path.GetTempPath(), "gan-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }
}
