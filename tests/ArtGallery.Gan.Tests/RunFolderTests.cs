using ArtGallery.Contracts;
using ArtGallery.Gan.Training;

namespace ArtGallery.Gan.Tests;

public sealed class RunFolderTests
{
    private readonly RunFolder folder = new(Path.Combine(Path.GetTempPath(), "ag-runfolder-" + Guid.NewGuid().ToString("N")));

    [Fact]
    public void SampleGrids_OldAndNewNames_SortedByKimgWithFractions()
    {
        Directory.CreateDirectory(folder.Samples);
        foreach (var name in new[] { "grid-000002.png", Path.GetFileName(folder.SampleGridPath(1500)), Path.GetFileName(folder.SampleGridPath(500)), "grid-x.png", "notes.txt" })
            File.WriteAllBytes(Path.Combine(folder.Samples, name), [1]);

        var grids = folder.SampleGrids();

        Assert.Equal([0.5, 1.5, 2.0], grids.Select(g => g.Kimg));
        Assert.Equal("grid-000000500.png", grids[0].FileName);
    }

    [Theory]
    [InlineData("../run.json")]
    [InlineData("grid-000001.png/../../x.png")]
    [InlineData("grid-12.png")]
    [InlineData("grid-000009.png")]
    public void SampleGridFile_NotAGridOfThisRun_Null(string name)
    {
        Directory.CreateDirectory(folder.Samples);
        File.WriteAllBytes(Path.Combine(folder.Samples, "grid-000001.png"), [1]);
        Assert.Null(folder.SampleGridFile(name));
        Assert.NotNull(folder.SampleGridFile("grid-000001.png"));
    }

    [Fact]
    public void ReadProgress_AppendedReportsAndATornLine_ReturnsTheWholeLines()
    {
        Directory.CreateDirectory(folder.Path);
        folder.AppendProgress(Report(0.5, double.NaN, diversity: null));
        folder.AppendProgress(Report(1.0, 0.7, diversity: 0.31));
        File.AppendAllText(folder.ProgressFile, "1.5,0.3,"); // a crash mid-write

        var points = folder.ReadProgress();

        Assert.Equal(2, points.Count);
        Assert.True(double.IsNaN(points[0].LossD));
        Assert.Null(points[0].Diversity);
        Assert.Equal(new ProgressPoint(1.0, 0.7, 1.1, 120, 0.05, 0.31), points[1]);
    }

    [Fact]
    public void Checkpoints_CheckpointStoreUsesTheSameFolder()
    {
        Assert.Equal(folder.Checkpoints, Checkpoints.CheckpointStore.Folder(folder.Path));
    }

    private static TrainingProgress Report(double kimg, double lossD, double? diversity) =>
        new("stabilize", 8, 1, kimg, 4, lossD, 1.1, 120, null, 0.05, diversity, false, null, null);
}
