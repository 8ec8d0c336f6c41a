using SixLabors.ImageSharp;

namespace ArtGallery.Imaging.Tests;

public class ImporterTests
{
    private static byte[] MixedUpload() => TestImages.Zip(
        ("photos/one.png", TestImages.Png(64, 48, 1)),
        ("../../escape.png", TestImages.Png()),
        ("/abs.png", TestImages.Png()),
        ("broken.jpg", TestImages.Truncated(TestImages.Jpeg(64, 64))),
        ("huge.png", TestImages.PngClaiming(100_000, 100_000)),
        ("bomb.png", TestImages.BombPng(9000)),
        ("readme.png", "not really a png"u8.ToArray()),
        ("anim.gif", TestImages.Gif()),
        ("empty.png", []),
        ("photos/two.jpg", TestImages.Jpeg(40, 64, 2)));

    [Fact]
    public void ImportZip_MixedUpload_KeepsGoodFilesUnderGeneratedNamesOnly()
    {
        using var root = new TempDir();
        string datasetDir = Path.Combine(root.Path, "datasets", "mine");

        var report = DatasetImporter.ImportZip(new MemoryStream(MixedUpload()), datasetDir);

        Assert.Null(report.Error);
        Assert.Equal(["photos/one.png", "photos/two.jpg"], report.Accepted.Select(a => a.Original));
        Assert.Equal(["img-000001.png", "img-000002.png"], report.Accepted.Select(a => a.SavedAs));
        Assert.Equal(8, report.Refused.Count);
        Assert.All(report.Refused, r => Assert.False(string.IsNullOrWhiteSpace(r.Reason)));
        // Nothing anywhere but the two generated files and their originals inside the dataset folder.
        Assert.Equal(["datasets/mine/img-000001.png", "datasets/mine/img-000002.png", "datasets/mine/originals/img-000001.png",
            "datasets/mine/originals/img-000002.png"], root.Listing());
        using var saved = Image.Load(Path.Combine(datasetDir, "img-000002.png"));
        Assert.Equal((40, 40), (saved.Width, saved.Height)); // square centre crop
    }

    [Fact]
    public void ImportZip_UnseekableStream_SpoolsInsideFolderAndCleansUp()
    {
        using var root = new TempDir();
        var report = DatasetImporter.ImportZip(new ForwardOnlyStream(MixedUpload()), root.Path);
        Assert.Equal(2, report.Accepted.Count);
        Assert.Equal(["img-000001.png", "img-000002.png", "originals/img-000001.png", "originals/img-000002.png"], root.Listing());
    }

    [Fact]
    public void ImportZip_SecondUpload_ContinuesNumbering()
    {
        using var root = new TempDir();
        DatasetImporter.ImportZip(new MemoryStream(MixedUpload()), root.Path);
        var second = DatasetImporter.ImportFile(new MemoryStream(TestImages.Png()), "x.png", root.Path);
        Assert.Equal("img-000003.png", Assert.Single(second.Accepted).SavedAs);
    }

    [Fact]
    public void ImportZip_PastTotalLimit_RefusedWholeAndRemovesWhatItAdded()
    {
        using var root = new TempDir();
        var zip = TestImages.Zip(("a.png", TestImages.Png()), ("filler1.bin", new byte[600_000]), ("filler2.bin", new byte[600_000]));
        var report = DatasetImporter.ImportZip(new MemoryStream(zip), root.Path, new DatasetLimits { MaxZipTotalBytes = 1_000_000 });
        Assert.Contains("zip refused", report.Error);
        Assert.Empty(report.Accepted);
        Assert.Empty(root.Listing());
    }

    [Fact]
    public void ImportZip_Empty_ClearError()
    {
        using var root = new TempDir();
        var report = DatasetImporter.ImportZip(new MemoryStream(TestImages.Zip()), root.Path);
        Assert.Equal("no images: the zip contains no files", report.Error);
        Assert.False(report.Succeeded);
    }

    [Theory]
    [InlineData("truncated-png")]
    [InlineData("huge-header")]
    [InlineData("text")]
    [InlineData("webp")]
    [InlineData("empty")]
    public void ImportFile_BadFile_RefusedAndNothingWritten(string kind)
    {
        using var root = new TempDir();
        var report = DatasetImporter.ImportFile(new MemoryStream(DecoderRefusalTests.Make(kind)), "../../x.png", root.Path);
        Assert.Empty(report.Accepted);
        Assert.Equal("../../x.png", Assert.Single(report.Refused).File);
        Assert.Empty(root.Listing());
    }

    [Fact]
    public void ImportFile_HostileFileName_SavedUnderGeneratedName()
    {
        using var root = new TempDir();
        string datasetDir = Path.Combine(root.Path, "ds");
        var report = DatasetImporter.ImportFile(new MemoryStream(TestImages.Jpeg()), "../../../etc/passwd", datasetDir);
        Assert.Equal("img-000001.png", Assert.Single(report.Accepted).SavedAs);
        Assert.Equal(["ds/img-000001.png", "ds/originals/img-000001.png"], root.Listing());
    }

    [Fact]
    public void ImportFile_WideImage_KeepsOriginalUnsquaredCappedAt2048()
    {
        using var root = new TempDir();
        Assert.False(DatasetOriginals.Has(root.Path));
        DatasetImporter.ImportFile(new MemoryStream(TestImages.Png(3000, 1000)), "wide.png", root.Path);
        DatasetImporter.ImportFile(new MemoryStream(TestImages.Png(300, 200)), "small.png", root.Path);
        Assert.True(DatasetOriginals.Has(root.Path));
        using var big = Image.Load(Path.Combine(DatasetOriginals.FolderOf(root.Path), "img-000001.png"));
        using var small = Image.Load(Path.Combine(DatasetOriginals.FolderOf(root.Path), "img-000002.png"));
        Assert.Equal((2048, 683), (big.Width, big.Height));
        Assert.Equal((300, 200), (small.Width, small.Height));
        using var square = Image.Load(Path.Combine(root.Path, "img-000001.png"));
        Assert.Equal(square.Width, square.Height);
    }

    [Fact]
    public void OpenFolder_WithOriginals_TrainsOnTheSquaredCopiesOnly()
    {
        using var root = new TempDir();
        DatasetImporter.ImportFile(new MemoryStream(TestImages.Png(60, 40)), "a.png", root.Path);
        DatasetImporter.ImportFile(new MemoryStream(TestImages.Png(50, 70)), "b.png", root.Path);
        var (dataset, _) = DatasetSource.Open(root.Path);
        Assert.Equal(2, dataset.Count);
    }

    [Fact]
    public void Thumbnail_ImportedImage_SquarePngOfRequestedSize()
    {
        using var root = new TempDir();
        string file = root.File("p.png", TestImages.Png(90, 60));
        var png = DatasetImporter.Thumbnail(file, 32);
        var info = PngInspector.Read(png);
        Assert.Equal((32, 32), (info.Width, info.Height));
        Assert.Throws<DatasetException>(() => DatasetImporter.Thumbnail(root.File("bad.png", [1, 2, 3]), 32));
    }

    private sealed class ForwardOnlyStream(byte[] data) : Stream
    {
        private readonly MemoryStream inner = new(data);
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
