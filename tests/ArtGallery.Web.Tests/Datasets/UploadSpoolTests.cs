using ArtGallery.Data;
using ArtGallery.Imaging;
using ArtGallery.Web.Datasets;
using ArtGallery.Web.Infrastructure;
using ArtGallery.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Options;
using SixLabors.ImageSharp;

namespace ArtGallery.Web.Tests.Datasets;

/// <summary>Issue 15 class 6: more than 200 files, and oversized files among good ones: every file gets its own verdict.</summary>
public sealed class UploadSpoolTests : IDisposable
{
    private readonly DataPaths paths = new(Options.Create(new ArtGalleryOptions { DataDirectory = AppFactory.NewDataDirectory() }));
    private readonly ArtGalleryDatabase db;

    public UploadSpoolTests() => db = new ArtGalleryDatabase(paths.Database);

    [Fact]
    public async Task Upload_201FilesWithOneOversized_ImportsTheRestAndNamesTheRefusal()
    {
        var png = Png();
        var files = Enumerable.Range(0, 200).Select(i => new BytesFile($"art{i:D3}.png", png)).Append(new BytesFile("huge.png", new byte[5000])).ToList();
        Assert.Null(UploadSpool.TooMany(files.Count));
        using (var spool = new UploadSpool(paths, maxFileBytes: 4096))
        {
            foreach (var f in files) await spool.AddAsync(f);
            var result = new DatasetService(db, paths).Import(spool.Files);
            Assert.Equal(200, result.Accepted);
            var refusal = Assert.Single(spool.Refused);
            Assert.Equal("huge.png", refusal.File);
            Assert.Contains("exceeds the 0 MB upload limit", refusal.Reason);
        }
        Assert.Empty(Directory.EnumerateFileSystemEntries(paths.Uploads)); // the spool is gone once imported
    }

    [Fact]
    public void Upload_TooManyFiles_ClearMessage() =>
        Assert.Equal($"{DatasetService.MaxFilesPerUpload + 1} files selected: at most {DatasetService.MaxFilesPerUpload} per upload. Select fewer, or put them in a zip.",
            UploadSpool.TooMany(DatasetService.MaxFilesPerUpload + 1));

    private static byte[] Png()
    {
        var (image, _) = AbstractPainter.Paint(2, 32);
        using (image)
        {
            var ms = new MemoryStream();
            image.SaveAsPng(ms);
            return ms.ToArray();
        }
    }

    public void Dispose() => db.Dispose();

    /// <summary>A selected file as Blazor hands it over (the browser side is not part of this test).</summary>
    private sealed class BytesFile(string name, byte[] data) : IBrowserFile
    {
        public string Name => name;
        public DateTimeOffset LastModified => DateTimeOffset.UnixEpoch;
        public long Size => data.Length;
        public string ContentType => "image/png";
        public Stream OpenReadStream(long maxAllowedSize = 512000, CancellationToken cancellationToken = default) =>
            data.Length > maxAllowedSize ? throw new IOException($"Supplied file with size {data.Length} bytes exceeds the maximum of {maxAllowedSize} " +
                $"bytes.") : new MemoryStream(data);
    }
}
