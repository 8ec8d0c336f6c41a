using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace ArtGallery.Imaging.Tests;

public class DatasetSourceTests
{
    [Fact]
    public void Open_FolderWithBadFiles_KeepsGoodOnesAndReportsEachBadOne()
    {
        using var dir = new TempDir();
        dir.File("good.png", TestImages.Png());
        dir.File("sub/good.jpg", TestImages.Jpeg());
        foreach (var kind in DecoderRefusalTests.BadFiles.Select(row => (string)row[0]))
            dir.File($"{kind}.png", DecoderRefusalTests.Make(kind));

        var (ds, report) = DatasetSource.Open(dir.Path);

        Assert.Equal(2, ds.Count);
        Assert.Equal(2, report.Accepted);
        Assert.Equal(DecoderRefusalTests.BadFiles.Count(), report.Refused.Count);
        Assert.Contains(report.Refused, r => r.File == "truncated-png.png" && r.Reason.Contains("truncated PNG"));
        Assert.Contains(report.Refused, r => r.File == "gif.png" && r.Reason.Contains("GIF is not accepted"));
        var chw = new float[3 * 16 * 16];
        ds.Read(1, 16, chw);
        Assert.All(chw, v => Assert.InRange(v, -1f, 1f));
    }

    [Fact]
    public void Read_WideImage_CentreCropped()
    {
        // 300x100: a green centre square with red bands left and right; a centre crop sees only green.
        using var image = new Image<Rgb24>(300, 100, new Rgb24(255, 0, 0));
        for (int y = 0; y < 100; y++)
            for (int x = 100; x < 200; x++)
                image[x, y] = new Rgb24(0, 255, 0);
        using var dir = new TempDir();
        image.SaveAsPng(Path.Combine(dir.Path, "wide.png"));

        var (ds, _) = DatasetSource.Open(dir.Path);
        var chw = new float[3 * 8 * 8];
        ds.Read(0, 8, chw);

        Assert.All(chw[..64], r => Assert.Equal(-1f, r, 0.05f));
        Assert.All(chw[64..128], g => Assert.Equal(1f, g, 0.05f));
    }

    [Fact]
    public void Open_SmallCacheBudget_ReDecodesAndGivesSameValues()
    {
        using var dir = new TempDir();
        for (int i = 0; i < 4; i++) dir.File($"{i}.png", TestImages.Png(64, 64, i));
        var (cached, _) = DatasetSource.Open(dir.Path);
        var (tight, _) = DatasetSource.Open(dir.Path, new DatasetLimits { CacheBytes = 0 });
        float[] a = new float[3 * 32 * 32], b = new float[a.Length];
        for (int i = 0; i < 4; i++)
        {
            cached.Read(i, 32, a);
            tight.Read(i, 32, b);
            Assert.Equal(a, b);
        }
    }

    [Fact]
    public async Task Open_FolderWithFifo_DoesNotHang()
    {
        if (!OperatingSystem.IsLinux()) return;
        using var dir = new TempDir();
        dir.File("good.png", TestImages.Png());
        using (var mk = System.Diagnostics.Process.Start("mkfifo", Path.Combine(dir.Path, "pipe.png"))) mk.WaitForExit();

        var open = Task.Run(() => DatasetSource.Open(dir.Path));

        var (_, report) = await open.WaitAsync(TimeSpan.FromSeconds(20)); // throws TimeoutException if it hangs
        Assert.Equal("empty file (0 bytes)", Assert.Single(report.Refused, r => r.File == "pipe.png").Reason);
    }

    [Fact]
    public void Open_BuiltinSpecWithOptions_CountAndSeedApplied()
    {
        var (ds, report) = DatasetSource.Open("builtin:abstract?count=24&seed=9");
        var builtin = Assert.IsType<BuiltinAbstractDataset>(ds);
        Assert.Equal((24, 9, 24), (builtin.Count, builtin.Seed, report.Accepted));
        Assert.Equal(DatasetSource.DefaultBuiltinCount, DatasetSource.Open("builtin:abstract").Dataset.Count);
    }

    [Theory]
    [InlineData("builtin:abstract?count=0", "count=1..")]
    [InlineData("builtin:abstract?colour=red", "bad option")]
    [InlineData("/no/such/folder", "not found")]
    [InlineData("", "no dataset given")]
    public void Open_BadSpec_ClearDatasetException(string spec, string expected)
    {
        var ex = Assert.Throws<DatasetException>(() => DatasetSource.Open(spec));
        Assert.Contains(expected, ex.Message);
    }

    [Fact]
    public void Open_FolderWithoutImages_ThrowsNoImages()
    {
        using var dir = new TempDir();
        dir.File("notes.txt", "hello"u8.ToArray());
        var ex = Assert.Throws<DatasetException>(() => DatasetSource.Open(dir.Path));
        Assert.Contains("no images", ex.Message);
        Assert.Contains("notes.txt", ex.Message);
    }
}
