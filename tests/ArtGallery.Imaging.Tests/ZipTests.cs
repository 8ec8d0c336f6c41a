using System.Buffers.Binary;

namespace ArtGallery.Imaging.Tests;

public class ZipTests
{
    private static (IImageDataset, DatasetReport) OpenZip(TempDir dir, byte[] zip, DatasetLimits? limits = null) =>
        DatasetSource.Open(dir.File("upload.zip", zip), limits);

    [Fact]
    public void Open_ZipSlipEntries_RefusedAndGoodOnesKept()
    {
        using var dir = new TempDir();
        var zip = TestImages.Zip(
            ("good.png", TestImages.Png()),
            ("../evil.png", TestImages.Png()),
            ("a/../../evil2.png", TestImages.Png()),
            ("/etc/evil3.png", TestImages.Png()),
            ("C:\\evil4.png", TestImages.Png()),
            ("inner.zip", TestImages.Zip(("x.png", TestImages.Png()))));

        var (ds, report) = OpenZip(dir, zip);

        Assert.Equal(1, ds.Count);
        Assert.Equal("'..' entries are refused", Reason(report, "../evil.png")[^24..]);
        Assert.Contains("'..'", Reason(report, "a/../../evil2.png"));
        Assert.Contains("absolute", Reason(report, "/etc/evil3.png"));
        Assert.Contains("drive letter", Reason(report, "C:\\evil4.png"));
        Assert.Contains("nested archives", Reason(report, "inner.zip"));
        Assert.Equal(["upload.zip"], dir.Listing()); // reading a zip writes nothing
    }

    [Fact]
    public void Open_EntryExpandingPastPerFileLimit_RefusedOthersKept()
    {
        using var dir = new TempDir();
        var zip = TestImages.Zip(("bomb.png", new byte[100 << 20]), ("good.png", TestImages.Png()));
        Assert.True(zip.Length < 1 << 20, "a zip bomb is small");

        var (ds, report) = OpenZip(dir, zip);

        Assert.Equal(1, ds.Count);
        Assert.Contains("64 MB per-file limit", Reason(report, "bomb.png"));
    }

    [Fact]
    public void Read_EntryLyingAboutItsSize_NeverYieldsMoreThanTheCap()
    {
        // Claim 1 KB uncompressed in both headers while the data inflates to 8 MB.
        var zip = PatchUncompressedSize(TestImages.Zip(("liar.png", new byte[8 << 20])), 1024);
        var limits = new DatasetLimits { MaxFileBytes = 4096 };

        var entry = Assert.Single(SafeZip.Read(new MemoryStream(zip), limits));

        // .NET stops at the declared size and our own counter stops at the cap: 8 MB never reaches the decoder.
        Assert.True(entry.Data is null ? entry.Refusal!.Length > 0 : entry.Data.Length <= limits.MaxFileBytes);
    }

    [Fact]
    public void Read_EntryDeclaredPastCap_RefusedWithoutInflating()
    {
        var limits = new DatasetLimits { MaxFileBytes = 1 << 20 };
        var entry = Assert.Single(SafeZip.Read(new MemoryStream(TestImages.Zip(("big.png", new byte[3 << 20]))), limits));
        Assert.Null(entry.Data);
        Assert.Contains("1 MB per-file limit", entry.Refusal);
    }

    [Fact]
    public void Open_ZipPastTotalLimit_WholeZipRefused()
    {
        using var dir = new TempDir();
        var zip = TestImages.Zip(Enumerable.Range(0, 6).Select(i => ($"{i}.png", new byte[400_000])).ToArray());
        var limits = new DatasetLimits { MaxZipTotalBytes = 1_000_000 };
        var ex = Assert.Throws<DatasetException>(() => OpenZip(dir, zip, limits));
        Assert.Contains("zip refused", ex.Message);
    }

    [Fact]
    public void Open_TooManyEntries_WholeZipRefused()
    {
        using var dir = new TempDir();
        var zip = TestImages.Zip(Enumerable.Range(0, 30).Select(i => ($"{i}.png", new byte[1])).ToArray());
        var ex = Assert.Throws<DatasetException>(() => OpenZip(dir, zip, new DatasetLimits { MaxZipEntries = 20 }));
        Assert.Contains("30 entries exceed the 20-entry limit", ex.Message);
    }

    [Fact]
    public void Open_EmptyZip_NoImagesError()
    {
        using var dir = new TempDir();
        var ex = Assert.Throws<DatasetException>(() => OpenZip(dir, TestImages.Zip()));
        Assert.Contains("no images", ex.Message);
        Assert.Contains("no files", ex.Message);
    }

    [Fact]
    public void Open_NotAZip_ClearError()
    {
        using var dir = new TempDir();
        var ex = Assert.Throws<DatasetException>(() => DatasetSource.Open(dir.File("fake.zip", "hello"u8.ToArray())));
        Assert.Contains("'fake.zip' is not a folder or a .zip file", ex.Message);
        var truncated = TestImages.Truncated(TestImages.Zip(("a.png", TestImages.Png())), 0.5);
        ex = Assert.Throws<DatasetException>(() => DatasetSource.Open(dir.File("cut.zip", truncated)));
        Assert.Contains("not a valid zip", ex.Message);
    }

    [Fact]
    public void Read_ZipImageBeyondMasterBudget_ReReadFromZip()
    {
        using var dir = new TempDir();
        var zip = TestImages.Zip(("a.png", TestImages.Png(32, 32, 1)), ("b.jpg", TestImages.Jpeg(32, 32, 2)));
        var (roomy, _) = OpenZip(dir, zip);
        var (tight, _) = DatasetSource.Open(Path.Combine(dir.Path, "upload.zip"), new DatasetLimits { CacheBytes = 0 });
        float[] a = new float[3 * 16 * 16], b = new float[a.Length];
        roomy.Read(1, 16, a);
        tight.Read(1, 16, b);
        Assert.Equal(a, b);
    }

    private static string Reason(DatasetReport report, string file) => Assert.Single(report.Refused, r => r.File == file).Reason;

    private static byte[] PatchUncompressedSize(byte[] zip, uint size)
    {
        for (int i = 0; i + 30 < zip.Length; i++)
        {
            uint sig = BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(i));
            if (sig == 0x04034B50) BinaryPrimitives.WriteUInt32LittleEndian(zip.AsSpan(i + 22), size); // local header
            if (sig == 0x02014B50) BinaryPrimitives.WriteUInt32LittleEndian(zip.AsSpan(i + 24), size); // central directory
        }
        return zip;
    }
}
