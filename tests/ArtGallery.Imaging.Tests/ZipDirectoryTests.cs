namespace ArtGallery.Imaging.Tests;

/// <summary>Issue 24 class 3: a zip's directory is checked on its raw bytes before ZipArchive materialises an entry.</summary>
public class ZipDirectoryTests
{
    private static DatasetException Refusal(byte[] zip, DatasetLimits? limits = null) =>
        Assert.Throws<DatasetException>(() => SafeZip.Read(new MemoryStream(zip), limits ?? DatasetLimits.Default).ToList());

    [Fact]
    public void DirectoryBomb_RefusedFromTheEndRecord_BeforeAnyEntryIsMaterialised()
    {
        var bomb = RawZip.ManyEmpty(60_000); // the end record's 16-bit count says 60000
        long before = GC.GetAllocatedBytesForCurrentThread();
        var ex = Refusal(bomb);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal("zip refused: 60000 entries exceed the 10000-entry limit", ex.Message);
        Assert.True(allocated < 1 << 20, $"allocated {allocated} bytes refusing a directory bomb");
    }

    [Fact]
    public void DirectoryBomb_EndRecordLyingAboutItsCount_WalkStopsAtTheLimit()
    {
        var bomb = RawZip.ManyEmpty(60_000, endCount: 3);
        long before = GC.GetAllocatedBytesForCurrentThread();
        var ex = Refusal(bomb);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal("zip refused: its directory holds more than 10000 entries (the end record said 3)", ex.Message);
        Assert.True(allocated < 1 << 20, $"allocated {allocated} bytes");
    }

    [Fact]
    public void PngZipPolyglot_RefusedNamingTheProblem()
    {
        var polyglot = TestImages.Png(32, 32).Concat(TestImages.Zip(("a.png", TestImages.Png()))).ToArray();
        Assert.StartsWith("damaged zip: its central directory is", Refusal(polyglot).Message);
        Assert.Contains("bytes prepended", Refusal(polyglot).Message);
    }

    [Fact]
    public void PrependedBytes_RefusedNamingTheProblem()
    {
        var zip = new byte[100].Concat(TestImages.Zip(("a.png", TestImages.Png()))).ToArray();
        Assert.StartsWith("damaged zip: its central directory is 100 bytes away from where its end record says", Refusal(zip).Message);
    }

    [Fact]
    public void Zip64SizesOverflowingTheirSum_RefusedNamingTheProblem()
    {
        var zip = RawZip.Build([new("a.png", [1], 0x7FFF_FFFF_FFFF_FFF0), new("b.png", [2], 0x7FFF_FFFF_FFFF_FFF0)]);
        var ex = Refusal(zip, DatasetLimits.Default with { MaxZipTotalBytes = long.MaxValue });
        Assert.Equal("damaged zip: entry 2 declares an impossible size (zip64 sizes overflow)", ex.Message);
        Assert.Contains("over the 2 GB limit", Refusal(zip).Message); // with the default cap the first one is already too much
    }

    [Fact]
    public void TruncatedDirectory_RefusedNamingTheProblem()
    {
        var zip = TestImages.Zip(("a.png", TestImages.Png()), ("b.png", TestImages.Png()));
        Assert.StartsWith("not a valid zip file (no end-of-central-directory record", Refusal(zip[..^10]).Message);
    }

    [Fact]
    public void HandWrittenZip_WithinLimits_ReadsLikeALibraryOne()
    {
        var png = TestImages.Png();
        var entries = SafeZip.Read(new MemoryStream(RawZip.Build([new("a.png", png), new("b.png", png)])), DatasetLimits.Default).ToList();
        Assert.Equal(["a.png", "b.png"], entries.Select(e => e.Name));
        Assert.All(entries, e => Assert.Equal(png, e.Data));
    }

    [Fact]
    public void ImportZip_Polyglot_ReportNamesIt_NothingLeftBehind()
    {
        using var dir = new TempDir();
        var polyglot = TestImages.Png(32, 32).Concat(TestImages.Zip(("a.png", TestImages.Png()))).ToArray();
        var report = DatasetImporter.ImportZip(new MemoryStream(polyglot), dir.Path, archiveName: "holiday.zip");
        Assert.Empty(report.Accepted);
        var refused = Assert.Single(report.Refused);
        Assert.Equal("holiday.zip", refused.File);
        Assert.StartsWith("damaged zip: its central directory is", refused.Reason);
        Assert.Empty(dir.Listing());
    }
}
