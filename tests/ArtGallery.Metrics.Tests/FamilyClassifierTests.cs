using ArtGallery.Imaging;
using Xunit.Abstractions;

namespace ArtGallery.Metrics.Tests;

[Collection(BuiltinClassifierCollection.Name)]
public class FamilyClassifierTests(BuiltinClassifierFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public void Train_BuiltinAbstract1000At64_HeldOutAccuracyAtLeast95Percent()
    {
        var model = fixture.Classifier;
        output.WriteLine($"held-out accuracy {model.HeldOutAccuracy:P1} on {model.HeldOutCount} images (trained on {model.TrainCount})");
        Assert.Equal(200, model.HeldOutCount);
        Assert.Equal(8, model.Labels.Count);
        Assert.True(model.HeldOutAccuracy >= 0.95, $"accuracy {model.HeldOutAccuracy}");
    }

    [Fact]
    public void Predict_FreshSeedImagesAt128Px_StillAccurate()
    {
        // Generated art is evaluated at the model's resolution, not the classifier's: features must carry over.
        var fresh = new BuiltinAbstractDataset(96, seed: 77);
        var predicted = fixture.Classifier.Predict(fresh.ReadAll(128), 128);
        double accuracy = predicted.Where((p, i) => p == fresh.LabelOf(i)).Count() / (double)fresh.Count;
        output.WriteLine($"fresh seed at 128 px: {accuracy:P1}");
        Assert.True(accuracy >= 0.9, $"accuracy at 128 px {accuracy}");
    }

    [Fact]
    public void SaveLoad_RoundTrip_SamePredictions()
    {
        string path = Path.Combine(Path.GetTempPath(), $"family-{Guid.NewGuid():N}.json");
        try
        {
            fixture.Classifier.Save(path);
            var loaded = FamilyClassifier.Load(path);
            var images = new BuiltinAbstractDataset(40, seed: 5).ReadAll(64);
            Assert.Equal(fixture.Classifier.Predict(images, 64), loaded.Predict(images, 64));
            Assert.Equal(fixture.Classifier.HeldOutAccuracy, loaded.HeldOutAccuracy);
            Assert.Equal(fixture.Classifier.Labels, loaded.Labels);
            Assert.True(new FileInfo(path).Length < 100_000, "the cached model should stay small");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void LoadOrTrain_DamagedCache_RetrainsAndRewrites()
    {
        string dir = Path.Combine(Path.GetTempPath(), $"family-cache-{Guid.NewGuid():N}");
        string path = Path.Combine(dir, "family.json");
        try
        {
            Directory.CreateDirectory(dir);
            File.WriteAllText(path, "{ damaged");
            var data = new ConstructedDataset(160);
            var trained = FamilyClassifier.LoadOrTrain(path, data, 32, new FamilyTrainingOptions { Iterations = 50 });
            var cached = FamilyClassifier.LoadOrTrain(path, data, 32);
            Assert.Equal(trained.ToJson(), cached.ToJson());
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void FromJson_NotAModel_ThrowsMetricsException()
    {
        Assert.Throws<MetricsException>(() => FamilyClassifier.FromJson("{\"format\":\"something-else\"}"));
        Assert.Throws<MetricsException>(() => FamilyClassifier.FromJson("not json"));
    }

    [Fact]
    public void FromJson_TamperedSizes_ThrowsMetricsException()
    {
        string json = fixture.Classifier.ToJson().Replace("\"bias\":[", "\"bias\":[0.5,", StringComparison.Ordinal);
        var ex = Assert.Throws<MetricsException>(() => FamilyClassifier.FromJson(json));
        Assert.Contains("inconsistent", ex.Message);
    }

    [Fact]
    public void Train_ConstructedLabelledDataset_LearnsItsOwnLabels()
    {
        var model = FamilyClassifier.Train(new ConstructedDataset(320), 32, new FamilyTrainingOptions { Iterations = 150 });
        Assert.Equal(["stripes", "rings", "gradient", "checker", "dots", "noise", "halves", "waves"], model.Labels);
        Assert.True(model.HeldOutAccuracy >= 0.8, $"accuracy {model.HeldOutAccuracy}");
    }
}
