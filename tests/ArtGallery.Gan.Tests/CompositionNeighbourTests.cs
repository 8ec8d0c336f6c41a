using ArtGallery.Gan.Conditioning;
using ArtGallery.Gan.Recipes.Conditioned;
using ArtGallery.Gan.Training;
using ArtGallery.Imaging;

namespace ArtGallery.Gan.Tests;

/// <summary>D's reals by composition: a condition's neighbours are pictures of its own kind, not a light field with dark marks of another.</summary>
public sealed class CompositionNeighbourTests
{
    [Fact]
    public void CompositionNeighbours_ShareThePicturesKindFarMoreOftenThanDescriptorOnes()
    {
        var data = new BuiltinAbstractDataset(160, seed: 5);
        double SameKind(NeighbourSpace space)
        {
            var set = ConditionSet.Describe(data, 2, space);
            Assert.All(set.Neighbours, (n, i) => Assert.Equal(i, n[0]));
            return set.Neighbours.Count(n => data.FamilyAt(n[1]) == data.FamilyAt(n[0])) / (double)data.Count;
        }
        double descriptor = SameKind(NeighbourSpace.Descriptor), composition = SameKind(NeighbourSpace.Composition);
        Assert.True(composition >= 0.75 && composition >= descriptor + 0.2,
            $"nearest other picture of the same kind: {composition:P0} by composition, {descriptor:P0} by descriptor");
    }

    [Fact]
    public void Cache_KeepsEachSpacesNeighboursApart()
    {
        var data = new BuiltinAbstractDataset(40, seed: 6);
        var path = Path.Combine(TestOptions.TempDir(), "descriptors.agdesc");
        var byDescriptor = DescriptorCache.Load(data, 3, path);
        var byComposition = DescriptorCache.Load(data, 3, path, NeighbourSpace.Composition);
        Assert.Equal(40, byComposition.Described); // a descriptor-only file does not serve composition neighbours
        Assert.Equal(0, DescriptorCache.Load(data, 3, path, NeighbourSpace.Composition).Described);
        Assert.Equal(byDescriptor.Descriptors, byComposition.Descriptors);
        Assert.NotEqual(byDescriptor.Neighbours, byComposition.Neighbours);
        Assert.Equal(40, DescriptorCache.Load(data, 4, path, NeighbourSpace.Composition).Described); // another k needs the pictures again
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void Resume_NeighboursByComposition_IsRecordedAndTrains()
    {
        var run = TestOptions.TempDir();
        var data = new BuiltinAbstractDataset(24, seed: 7);
        using (var trainer = Trainer.Create(TestOptions.TinyConditioned(4, 0.008), data, run)) trainer.Run();
        using var resumed = Trainer.Resume(run, data, new ResumeChanges(FinalKimg: 0.016, NeighboursBy: NeighbourSpace.Composition));
        Assert.Equal(NeighbourSpace.Composition, resumed.Options.Conditioned.NeighboursBy);
        Assert.Equal(0, resumed.Run().SkippedUpdates);
        Assert.Equal(NeighbourSpace.Composition, TrainingOptions.FromJson(File.ReadAllText(new RunFolder(run).OptionsFile)).Conditioned.NeighboursBy);
        var progan = TestOptions.TempDir();
        using (var trainer = Trainer.Create(TestOptions.Tiny(4, 0.008), new SyntheticDataset(), progan)) trainer.Run();
        Assert.Contains("conditioned recipe", Assert.Throws<ArgumentException>(() => Trainer.Resume(progan, new SyntheticDataset(), new ResumeChanges(NeighboursBy: NeighbourSpace.Composition))).Message);
    }
}
