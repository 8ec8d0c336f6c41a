using ArtGallery.Gan.Sampling;
using ArtGallery.Gan.Training;
using ArtGallery.Imaging;

namespace ArtGallery.Web.Tests.Infrastructure;

/// <summary>A real 8 px model trained for a few seconds through the Gan Trainer and exported to .agmodel, once per test run.</summary>
public class TinyModel : IDisposable
{
    public TinyModel() : this(Options())
    {
    }

    protected TinyModel(TrainingOptions options)
    {
        Directory.CreateDirectory(Folder);
        var run = RunDirectory;
        using (var trainer = Trainer.Create(options, new BuiltinAbstractDataset(64), run))
            trainer.Run();
        ModelId = ArtGenerator.Export(run, ModelPath);
    }

    /// <summary>Tiny widths so training and rendering take seconds on 2 CPU cores.</summary>
    public static TrainingOptions Options(double kimgPerPhase = 0.05) => new()
    {
        MaxResolution = 8,
        KimgPerPhase = kimgPerPhase,
        Widths = new() { [4] = 16, [8] = 16 },
        BatchSizes = new() { [4] = 8 },
        Threads = 1,
        Device = "cpu",
        CheckpointKimg = 1000,
        SampleKimg = 1000,
        DiversityKimg = 0,
        Seed = 11,
    };

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "ag-web-tests", "model-" + Guid.NewGuid().ToString("N"));

    /// <summary>The run folder the model was trained in (checkpoints, grids, curves).</summary>
    public string RunDirectory => Path.Combine(Folder, "run");

    public string ModelPath => Path.Combine(Folder, "tiny.agmodel");

    public string ModelId { get; }

    public void Dispose()
    {
        GC.SuppressFinalize(this);
        try { Directory.Delete(Folder, true); }
        catch (IOException) { /* best effort */ }
    }
}

/// <summary>The same, trained with the <c>conditioned</c> recipe (issue 21): the model carries its 64-picture collection.</summary>
public sealed class TinyConditionedModel() : TinyModel(TinyModel.Options() with
{
    Recipe = GanRecipe.Conditioned,
    Conditioned = new() { EmbeddingSize = 16 },
});
