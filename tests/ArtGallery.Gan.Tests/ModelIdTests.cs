using ArtGallery.Gan.Checkpoints;
using ArtGallery.Gan.Training;

namespace ArtGallery.Gan.Tests;

/// <summary>Saved models keep their id and runs keep their learning rate when options or defaults change.</summary>
public class ModelIdTests
{
    // run.json as written before SeedBatchSize existed and while the progan default learning rate was 0.001.
    private const string OldOptionsJson = """
        {"Recipe":"ProGan","MaxResolution":32,"KimgPerPhase":6,"Widths":{"4":64,"8":64,"16":64,"32":32,"64":16,"128":16,"256":8,"512":8,"1024":8},"BatchSizes":{"4":32,"128":16,"256":8,"512":4},"LatentSize":0,"Loss":"Logistic","R1Gamma":null,"R1Interval":16,"AugmentPolicy":"color,translation,cutout","AugmentP":0,"AdaTarget":0.6,"AdaSpeedKimg":100,"EmaHalfLifeKimg":null,"EmaRampup":0.05,"LearningRate":null,"Seed":1,"Threads":1,"Minutes":16,"CheckpointKimg":5,"SampleKimg":5,"DiversityKimg":2,"CollapseThreshold":0.5,"ProgressEverySteps":5,"KeepCheckpoints":3,"Device":"auto","SeedLatentSize":100,"SeedGenChannels":64,"SeedDiscChannels":64,"EffectiveLatentSize":64,"EffectiveLearningRate":0.001,"Betas":{}}
        """;

    [Fact]
    public void ModelId_OfAModelSavedBeforeANewOption_IsUnchanged()
    {
        // Pinned: the hash covers the stored options text, so it cannot move when TrainingOptions gains a field.
        // (Hashing a re-serialisation, as before, gives another id here; it renamed the bundled 2f0ef0a882ca once.)
        var model = new ModelBlob(OldOptionsJson, 32, 1, [1, 2, 3]);
        Assert.Equal("b274b78a3bc5", model.ModelId);
        Assert.NotEqual(OldOptionsJson, model.Options.ToJson()); // the schema has moved on; the id must not follow it
    }

    [Fact]
    public void ModelFile_WriteThenRead_KeepsTheStoredOptionsTextAndId()
    {
        var path = Path.Combine(TestOptions.TempDir(), "old.agmodel");
        // As many weight bytes as its options describe: a file holding fewer is refused as damaged (ModelLimits).
        var weights = new byte[ModelLimits.WeightsAtLeast(TrainingOptions.FromJson(OldOptionsJson)) * 4];
        var model = new ModelBlob(OldOptionsJson, 32, 1, weights);
        ModelFile.Write(path, model);
        var read = ModelFile.Read(path);
        Assert.Equal((OldOptionsJson, model.ModelId), (read.OptionsJson, read.ModelId));
    }

    [Fact]
    public void OldRun_WithTheDefaultLearningRate_ResumesAtTheRateItTrainedWith()
    {
        var options = TrainingOptions.FromJson(OldOptionsJson);
        Assert.Equal(0.001, options.EffectiveLearningRate); // not today's default
        Assert.Equal(0.002, new TrainingOptions().EffectiveLearningRate);
    }
}
