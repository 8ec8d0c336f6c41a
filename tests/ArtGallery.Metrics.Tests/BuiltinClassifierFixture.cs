using ArtGallery.Imaging;

namespace ArtGallery.Metrics.Tests;

/// <summary>One family classifier trained on 1,000 built-in images at 64 px, shared by the tests that need it (~4 s).</summary>
public sealed class BuiltinClassifierFixture
{
    public const int Resolution = 64;

    public FamilyClassifier Classifier { get; } = FamilyClassifier.Train(new BuiltinAbstractDataset(1000), Resolution);
}
