using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace ArtGallery.Imaging.Tests;

public class DatasetExportTests
{
    [Fact]
    public void Write_Builtin_NumberedPngsAndLabels()
    {
        using var dir = new TempDir();
        var ds = new BuiltinAbstractDataset(20, seed: 4);

        DatasetExport.Write(ds, 10, 32, dir.Path);

        Assert.Equal(Enumerable.Range(0, 10).Select(i => $"{i:D5}.png").Append("labels.csv").Order(StringComparer.Ordinal), dir.Listing());
        var lines = File.ReadAllLines(Path.Combine(dir.Path, "labels.csv"));
        Assert.Equal("file,family", lines[0]);
        Assert.Equal("00009.png,HardEdgeGrid", lines[10]);
        using var image = Image.Load<Rgb24>(Path.Combine(dir.Path, "00003.png"));
        var fromFile = new float[3 * 32 * 32];
        var fromDataset = new float[fromFile.Length];
        PlanarRgb.FromImage(image, fromFile);
        ds.Read(3, 32, fromDataset);
        Assert.Equal(fromDataset, fromFile);
    }

    [Fact]
    public void Write_ExportedFolder_OpensAsDatasetWithCsvReported()
    {
        using var dir = new TempDir();
        DatasetExport.Write(new BuiltinAbstractDataset(8), 8, 16, dir.Path);
        var (ds, report) = DatasetSource.Open(dir.Path);
        Assert.Equal(8, ds.Count);
        Assert.Equal("labels.csv", Assert.Single(report.Refused).File);
    }

    [Fact]
    public void Write_CountBeyondDataset_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => DatasetExport.Write(new BuiltinAbstractDataset(4), 5, 16, "/tmp/unused-ag"));
}
