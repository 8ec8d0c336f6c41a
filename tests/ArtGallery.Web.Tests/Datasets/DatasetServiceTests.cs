using System.IO.Compression;
using ArtGallery.Data;
using ArtGallery.Imaging;
using ArtGallery.Web.Datasets;
using ArtGallery.Web.Infrastructure;
using ArtGallery.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Options;
using SixLabors.ImageSharp;

namespace ArtGallery.Web.Tests.Datasets;

public sealed class DatasetServiceTests : IDisposable
{
    private readonly DataPaths paths = new(Options.Create(new ArtGalleryOptions { DataDirectory = AppFactory.NewDataDirectory() }));
    private readonly ArtGalleryDatabase db;
    private readonly DatasetService service;

    public DatasetServiceTests()
    {
        db = new ArtGalleryDatabase(paths.Database);
        service = new DatasetService(db, paths);
    }

    [Fact]
    public void Import_ZipWithGoodAndBadEntries_KeepsGoodAndReportsEachRefusal()
    {
        var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            for (int i = 0; i < 2; i++)
                using (var entry = archive.CreateEntry($"art{i}.png").Open()) entry.Write(Png(i));
            using (var fake = archive.CreateEntry("notes.png").Open()) fake.Write("not an image"u8);
            using (var evil = archive.CreateEntry("../escape.png").Open()) evil.Write(Png(3));
        }
        var result = service.Import([new UploadFile("upload.zip", () => new MemoryStream(zip.ToArray())), new UploadFile("empty.jpg", () => new MemoryStream())]);

        Assert.NotNull(result.Dataset);
        Assert.True(result.Accepted >= 2);
        Assert.Contains(result.Refused, r => r.File.Contains("notes.png"));
        Assert.Contains(result.Refused, r => r.File == "empty.jpg");
        Assert.False(File.Exists(Path.Combine(paths.Datasets, "escape.png")));
        Assert.Equal(result.Accepted, Directory.GetFiles(result.Dataset.Folder, "img-*.png").Length);
        Assert.Equal(result.Dataset.Id, Assert.Single(db.AllDatasets()).Id);
        Assert.NotNull(service.Thumbnail(result.Dataset.Id, 0));
    }

    [Fact]
    public void Import_NothingAcceptable_CreatesNoDataset()
    {
        var result = service.Import([new UploadFile("bad.png", () => new MemoryStream("nope"u8.ToArray()))]);
        Assert.Null(result.Dataset);
        Assert.Single(result.Refused);
        Assert.Empty(db.AllDatasets());
    }

    [Fact]
    public async Task ImportAsync_SpooledBrowserFiles_OneReportLinePerFileAndSpoolRemoved()
    {
        UploadResult result;
        using (var spool = service.NewSpool())
        {
            foreach (var file in new[] { new BrowserFile("a.png", Png(1)), new BrowserFile("b.png", Png(2)), new BrowserFile("broken.png", "nope"u8.ToArray()) })
                await spool.AddAsync(file);
            result = await service.ImportAsync(spool);
        }
        Assert.Equal(2, result.Accepted);
        Assert.Equal(["a.png", "b.png", "broken.png"], result.Files.Select(f => f.Name));
        Assert.Equal([1, 1, 0], result.Files.Select(f => f.Accepted));
        Assert.Equal("broken.png", Assert.Single(Assert.Single(result.Files, f => f.Accepted == 0).Refused).File);
        Assert.Empty(Directory.GetFileSystemEntries(Path.Combine(paths.Root, "uploads")));
    }

    [Fact]
    public async Task BrowserUpload_TooManyFiles_RefusedBeforeReadingAny()
    {
        int changes = 0;
        using var upload = new BrowserUpload(service, () => Task.FromResult(true), () => { changes++; return Task.CompletedTask; });
        Assert.False(await upload.Begin(DatasetService.MaxFilesPerUpload + 1));
        Assert.Equal(UploadSpool.TooMany(DatasetService.MaxFilesPerUpload + 1), upload.Error);
        Assert.False(upload.Busy);
        Assert.Equal(1, changes);
        Assert.True(await upload.Begin(DatasetService.MaxFilesPerUpload)); // the advertised count itself is accepted
        Assert.True(upload.Busy);
    }

    [Fact]
    public async Task BrowserUpload_SignedOutOrNoLongerAdmin_Refused()
    {
        using var upload = new BrowserUpload(service, () => Task.FromResult(false), () => Task.CompletedTask);
        Assert.False(await upload.Begin(3));
        Assert.Equal(ArtGallery.Web.Accounts.AdminCheck.Refusal, upload.Error);
    }

    [Theory]
    [InlineData("polyglot.zip", "damaged zip: its central directory is")]
    [InlineData("prepended.zip", "damaged zip: its central directory is 64 bytes away")]
    [InlineData("interlaced.png", "truncated PNG (its image data ends early)")]
    public void Import_HostileFileAmongImages_RefusedByName_RestImported_NoStagingLeft(string hostile, string reason)
    {
        var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
            using (var entry = archive.CreateEntry("inside.png").Open()) entry.Write(Png(5));
        byte[] bytes = hostile switch
        {
            "polyglot.zip" => [.. Png(4), .. zip.ToArray()],
            "prepended.zip" => [.. new byte[64], .. zip.ToArray()],
            _ => TinyDamagedInterlacedPng(),
        };
        var result = service.Import([new UploadFile("a.png", () => new MemoryStream(Png(1))), new UploadFile(hostile, () => new MemoryStream(bytes)),
            new UploadFile("b.png", () => new MemoryStream(Png(2)))]);

        Assert.Equal(2, result.Accepted);
        var refusal = Assert.Single(result.Refused);
        Assert.Equal(hostile, refusal.File);
        Assert.StartsWith(reason, refusal.Reason);
        Assert.Equal([result.Dataset!.Id], Directory.GetDirectories(paths.Datasets).Select(Path.GetFileName)); // no .staging-* left
        Assert.False(File.Exists(Path.Combine(result.Dataset.Folder, DataPaths.PendingImportMarker)));
    }

    /// <summary>69 bytes: 64x64 RGB, Adam7, an IDAT far too short (issue 24, N1).</summary>
    private static byte[] TinyDamagedInterlacedPng()
    {
        var ihdr = new byte[13];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(ihdr, 64);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(ihdr.AsSpan(4), 64);
        (ihdr[8], ihdr[9], ihdr[12]) = (8, 2, 1);
        var idat = new MemoryStream();
        using (var z = new ZLibStream(idat, CompressionLevel.Optimal, leaveOpen: true)) z.Write(new byte[4]);
        var png = new MemoryStream();
        png.Write(PngChunks.Signature);
        PngChunks.Write(png, "IHDR", ihdr);
        PngChunks.Write(png, "IDAT", idat.ToArray());
        PngChunks.Write(png, "IEND", []);
        Assert.Equal(69, png.Length);
        return png.ToArray();
    }

    [Fact]
    public void Choices_AfterImport_BuiltinFirstThenUploads()
    {
        var result = service.Import([new UploadFile("a.png", () => new MemoryStream(Png(1)))]);
        Assert.Equal([BuiltinAbstractDataset.SpecName, result.Dataset!.Id], service.Choices().Select(c => c.Value));
    }

    /// <summary>A file as the browser hands it over (bytes in memory), with the browser stream's size cap.</summary>
    private sealed class BrowserFile(string name, byte[] bytes) : IBrowserFile
    {
        public string Name => name;
        public DateTimeOffset LastModified => DateTimeOffset.UnixEpoch;
        public long Size => bytes.Length;
        public string ContentType => "image/png";

        public Stream OpenReadStream(long maxAllowedSize = 512000, CancellationToken cancellationToken = default) =>
            bytes.Length > maxAllowedSize ? throw new IOException("too big") : new MemoryStream(bytes);
    }

    [Fact]
    public void Thumbnail_Builtin_IsPng()
    {
        var png = service.Thumbnail("builtin", 3);
        Assert.Equal(96, PngInspector.Read(png!).Width);
        Assert.Null(service.Thumbnail("builtin", 999));
    }

    private static byte[] Png(int seed)
    {
        var (image, _) = AbstractPainter.Paint(seed, 64);
        using (image)
        {
            var ms = new MemoryStream();
            image.SaveAsPng(ms);
            return ms.ToArray();
        }
    }

    public void Dispose() => db.Dispose();
}
