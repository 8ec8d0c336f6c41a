using ArtGallery.Imaging;

namespace ArtGallery.Metrics.Tests;

/// <summary>One family classifier trained on 1,000 built-in images at 64 px, shared by the tests that need it (~4 s).</summary>
public sealed class BuiltinClassifierFixture
{
    public const int Resolution = 64;

    public FamilyClassifier Classifier { get; } = FamilyClassifier.Train(new BuiltinAbstractDataset(1000), Resolution);
}

/// <summary>Tests sharing one <see cref="BuiltinClassifierFixture"/> (trained once per run, not once per class).</summary>
[CollectionDefinition(Name)]
public sealed class BuiltinClassifierCollection : ICollectionFixture<BuiltinClassifierFixture>
{
    public const string Name = "BuiltinClassifier";
}
