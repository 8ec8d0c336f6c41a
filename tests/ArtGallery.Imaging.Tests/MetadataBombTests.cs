using System.Diagnostics;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace ArtGallery.Imaging.Tests;

/// <summary>Issue 15 class 1: text-chunk, profile and comment bombs are dropped unread; stored copies carry pixels only.</summary>
public class MetadataBombTests
{
    public static TheoryData<string> Stripped => [.. HostileImages.Stripped];

    [Theory]
    [MemberData(nameof(Stripped))]
    public void TryDecode_MetadataBomb_DecodesThePixelsWithoutInflatingIt(string kind)
    {
        bool jpeg = kind.StartsWith("jpeg", StringComparison.Ordinal);
        var sw = Stopwatch.StartNew();
        using var image = SafeImageDecoder.TryDecode(HostileImages.Make(kind, big: false), DatasetLimits.Default, out string reason);
        using var plain = SafeImageDecoder.TryDecode(HostileImages.Plain(jpeg), DatasetLimits.Default, out _);
        Assert.True(image is not null, reason);
        Assert.Equal(Pixels(plain!), Pixels(image));
        Assert.Empty(image.Metadata.GetPngMetadata().TextData);
        Assert.Null(image.Metadata.IccProfile);
    }

    [Fact]
    public void ImportFile_PngWithEveryKindOfMetadata_StoredCopyAndThumbnailArePixelsOnly()
    {
        var png = HostileImages.WithChunks(("tEXt", "Title\0hello"u8.ToArray()), ("zTXt", [.. "Big"u8, 0, 0, .. TestImages.Zlib(new byte[1000])]),
            ("iTXt", [.. "XML"u8, 0, 0, 0, 0, 0, .. "<x/>"u8]), ("iCCP", [.. "icc"u8, 0, 0, .. TestImages.Zlib(new byte[500])]),
            ("pHYs", [0, 0, 11, 19, 0, 0, 11, 19, 1]), ("gAMA", [0, 0, 177, 143]));
        using var dir = new TempDir();
        var report = DatasetImporter.ImportFile(new MemoryStream(png), "meta.png", dir.Path);
        var stored = File.ReadAllBytes(Path.Combine(dir.Path, Assert.Single(report.Accepted).SavedAs));
        var thumbnail = DatasetImporter.Thumbnail(Path.Combine(dir.Path, report.Accepted[0].SavedAs), 32);
        foreach (var file in new[] { stored, thumbnail })
            Assert.All(PngChunks.Walk(file, out _), c => Assert.Contains(c.Type, new[] { "IHDR", "IDAT", "IEND" }));
    }

    [Fact]
    public void ImportFile_JpegWithComments_StoredCopyIsPixelsOnly()
    {
        using var dir = new TempDir();
        var report = DatasetImporter.ImportFile(new MemoryStream(HostileImages.Make("jpeg-com-app")), "c.jpg", dir.Path);
        var stored = File.ReadAllBytes(Path.Combine(dir.Path, Assert.Single(report.Accepted).SavedAs));
        Assert.All(PngChunks.Walk(stored, out _), c => Assert.Contains(c.Type, new[] { "IHDR", "IDAT", "IEND" }));
    }

    [Fact]
    public void Open_FolderWithBombs_KeepsTheImagesAndRefusesTheFloods()
    {
        using var dir = new TempDir();
        dir.File("ztxt.png", HostileImages.Make("ztxt-bomb", big: false));
        dir.File("itxt.png", HostileImages.Make("itxt-bomb", big: false));
        dir.File("many.png", HostileImages.Make("many-text"));
        var (ds, report) = DatasetSource.Open(dir.Path);
        Assert.Equal(2, ds.Count);
        Assert.Contains("metadata chunks", Assert.Single(report.Refused).Reason);
    }

    private static Rgb24[] Pixels(Image<Rgb24> image)
    {
        var pixels = new Rgb24[image.Width * image.Height];
        image.CopyPixelDataTo(pixels);
        return pixels;
    }
}
