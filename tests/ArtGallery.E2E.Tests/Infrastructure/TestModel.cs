using ArtGallery.Gan.Sampling;
using ArtGallery.Gan.Training;
using ArtGallery.Imaging;

namespace ArtGallery.E2E.Tests.Infrastructure;

/// <summary>The model the app under test starts with: the bundled default when the build ships one, else a tiny one trained here.</summary>
public static class TestModel
{
    /// <summary>Where the build copies the bundled default model.</summary>
    public static string BundledPath => Path.Combine(AppContext.BaseDirectory, "models", "default.agmodel");

    /// <summary>Returns a usable .agmodel path, training a 16 px model for a few seconds into <paramref name="workDir"/> when none is bundled.</summary>
    public static string Ensure(string workDir, Action<string> log)
    {
        // An explicit model (ARTGALLERY_E2E_MODEL) lets the journeys run against any .agmodel, e.g. a larger one.
        if (Environment.GetEnvironmentVariable("ARTGALLERY_E2E_MODEL") is { Length: > 0 } chosen)
        {
            log($"model: ARTGALLERY_E2E_MODEL {chosen}");
            return chosen;
        }
        if (File.Exists(BundledPath))
        {
            log($"model: bundled default {BundledPath}");
            return BundledPath;
        }
        var runDir = Path.Combine(workDir, "fixture-run");
        var modelPath = Path.Combine(workDir, "fixture.agmodel");
        var options = new TrainingOptions
        {
            MaxResolution = 16,
            KimgPerPhase = 0.15,
            Widths = new() { [4] = 32, [8] = 32, [16] = 32 },
            SampleKimg = 10,
            CheckpointKimg = 10,
            DiversityKimg = 10,
            Seed = 7,
            Device = "cpu",
            Threads = 1, // tiny networks; 1 thread never hits libtorch's rare NaN (ENGINE.md)
        };
        // A real (if brief) run of the real engine: the journeys then exercise real checkpoints and rendering.
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var thread = new Thread(() =>
        {
            using var trainer = Trainer.Create(options, new BuiltinAbstractDataset(256, seed: 7), runDir);
            trainer.Run();
        });
        thread.Start();
        thread.Join();
        ArtGenerator.Export(runDir, modelPath);
        log($"model: no bundled default; trained a 16 px fixture model in {clock.Elapsed.TotalSeconds:F1} s -> {modelPath}");
        return modelPath;
    }

    /// <summary>A 16 px model of the <c>conditioned</c> recipe (issue 21), trained for a few seconds into <paramref name="workDir"/>:
    /// it carries its 64-picture collection, so palettes and "more like this" work on it.</summary>
    public static string TrainConditioned(string workDir)
    {
        var runDir = Path.Combine(workDir, "conditioned-run");
        var modelPath = Path.Combine(workDir, "conditioned.agmodel");
        if (File.Exists(modelPath)) return modelPath;
        var options = new TrainingOptions
        {
            Recipe = GanRecipe.Conditioned,
            Conditioned = new() { EmbeddingSize = 16 },
            MaxResolution = 16,
            KimgPerPhase = 0.05,
            Widths = new() { [4] = 16, [8] = 16, [16] = 16 },
            SampleKimg = 1000,
            CheckpointKimg = 1000,
            DiversityKimg = 0,
            Seed = 7,
            Device = "cpu",
            Threads = 1,
        };
        // On its own thread, as Ensure does: torch state is per OS thread.
        var thread = new Thread(() =>
        {
            using var trainer = Trainer.Create(options, new BuiltinAbstractDataset(64, seed: 7), runDir);
            trainer.Run();
        });
        thread.Start();
        thread.Join();
        ArtGenerator.Export(runDir, modelPath);
        return modelPath;
    }
}
