using ArtGallery.Gan.Conditioning;
using ArtGallery.Gan.Training;
using ArtGallery.Imaging;

namespace ArtGallery.Gan.Tests;

/// <summary>The conditioned recipe's descriptors are computed once per dataset and kept in a file keyed by its pictures.</summary>
public sealed class DescriptorCacheTests
{
    [Fact]
    public void Load_SecondTime_ReadsTheFileInsteadOfDescribing()
    {
        var data = new BuiltinAbstractDataset(24, seed: 3);
        var path = Path.Combine(TestOptions.TempDir(), "descriptors.agdesc");
        var first = DescriptorCache.Load(data, 5, path);
        Assert.Equal(24, first.Described);
        Assert.True(File.Exists(path));
        var second = DescriptorCache.Load(data, 5, path);
        Assert.Equal(0, second.Described); // not one picture described again
        AssertSame(first, second);
        AssertSame(ConditionSet.Describe(data, 5), second); // the cache returns what describing returns (deterministic)
    }

    [Fact]
    public void Load_APictureChanged_DescribesAgain()
    {
        var path = Path.Combine(TestOptions.TempDir(), "descriptors.agdesc");
        var before = DescriptorCache.Load(new SyntheticDataset(12), 3, path);
        var edited = new EditedDataset(new SyntheticDataset(12), index: 7);
        var after = DescriptorCache.Load(edited, 3, path);
        Assert.Equal(12, after.Described);
        Assert.NotEqual(before.Descriptors[7], after.Descriptors[7]);
        Assert.Equal(before.Descriptors[6], after.Descriptors[6]);
        Assert.Equal(0, DescriptorCache.Load(edited, 3, path).Described); // the new file serves the edited dataset
        Assert.Equal(13, DescriptorCache.Load(new SyntheticDataset(13), 3, path).Described); // one picture more
    }

    [Fact]
    public void Load_OtherNeighbourCount_ReusesDescriptors()
    {
        var data = new SyntheticDataset(10);
        var path = Path.Combine(TestOptions.TempDir(), "descriptors.agdesc");
        DescriptorCache.Load(data, 3, path);
        var wider = DescriptorCache.Load(data, 6, path);
        Assert.Equal(0, wider.Described);
        Assert.All(wider.Neighbours, (n, i) => { Assert.Equal(6, n.Length); Assert.Equal(i, n[0]); });
        AssertSame(ConditionSet.Describe(data, 6), wider);
    }

    [Fact]
    public void Load_DamagedFile_DescribesAgainAndRewritesIt()
    {
        var data = new SyntheticDataset(8);
        var path = Path.Combine(TestOptions.TempDir(), "descriptors.agdesc");
        var first = DescriptorCache.Load(data, 3, path);
        var bytes = File.ReadAllBytes(path);
        bytes[^5] ^= 0xFF;
        File.WriteAllBytes(path, bytes);
        var again = DescriptorCache.Load(data, 3, path);
        Assert.Equal(8, again.Described);
        AssertSame(first, again);
        Assert.Equal(0, DescriptorCache.Load(data, 3, path).Described);
    }

    [Fact]
    public void PathFor_BuiltinInTheRunFolder_AFolderDatasetBesideItself()
    {
        var run = TestOptions.TempDir();
        Assert.Equal(new RunFolder(run).DescriptorCache, Trainer.DescriptorCachePath("builtin:abstract?count=40&seed=1", run));
        var folder = Path.Combine(TestOptions.TempDir(), "paintings");
        Assert.Equal(folder + ".agdesc", Trainer.DescriptorCachePath(folder + Path.DirectorySeparatorChar, run));
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void Create_ConditionedRun_WritesTheRunFolderCacheThatTheNextRunReads()
    {
        var data = new BuiltinAbstractDataset(16, seed: 5);
        var options = TestOptions.TinyConditioned(8, 0.008) with { DiversityKimg = 0 };
        var run = TestOptions.TempDir();
        using (Trainer.Create(options, data, run)) { }
        Assert.True(File.Exists(new RunFolder(run).DescriptorCache));
        // A second run given the first one's file reads it (shared, as beside a folder dataset).
        Assert.Equal(0, DescriptorCache.Load(data, options.Conditioned.Neighbours, new RunFolder(run).DescriptorCache).Described);
    }

    private static void AssertSame(ConditionSet expected, ConditionSet actual)
    {
        Assert.Equal(expected.Descriptors, actual.Descriptors);
        Assert.Equal(expected.Neighbours, actual.Neighbours);
        Assert.Equal(expected.Thumbnails, actual.Thumbnails);
    }

    /// <summary>A dataset with one picture inverted: the "user replaced a file" case.</summary>
    private sealed class EditedDataset(IImageDataset inner, int index) : IImageDataset
    {
        public string Name => inner.Name;

        public int Count => inner.Count;

        public void Read(int i, int resolution, Span<float> destination)
        {
            inner.Read(i, resolution, destination);
            if (i != index) return;
            for (int p = 0; p < 3 * resolution * resolution; p++) destination[p] = -destination[p];
        }
    }
}
