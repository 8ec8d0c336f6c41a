using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using ArtGallery.Data;
using ArtGallery.Imaging;
using ArtGallery.Web.Backups;
using ArtGallery.Web.Datasets;
using ArtGallery.Web.Infrastructure;
using ArtGallery.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using SixLabors.ImageSharp;

namespace ArtGallery.Web.Tests.Hardening;

/// <summary>Issue 15 class 5: what a killed import leaves (staging folder, orphan dataset folder, upload spool) is gone after a restart and never backed up.</summary>
public sealed class CrashLeftoverTests
{
    [Fact]
    public async Task KilledImport_Restart_RemovesOrphansAndSpoolsKeepsRecordedDatasets()
    {
        var data = AppFactory.NewDataDirectory();
        string kept;
        await using (var first = new AppFactory(data, null))
        {
            var result = first.Services.GetRequiredService<DatasetService>().Import([new UploadFile("a.png", () => new MemoryStream(Png()))]);
            kept = result.Dataset!.Folder;
            Assert.Equal(Path.Combine(data, "datasets", result.Dataset.Id), kept); // committed under its id, not the staging name
        }
        // What kill -9 during an import leaves: the staging folder, a renamed folder whose record was never written, the spool.
        var staging = Leave(Path.Combine(data, "datasets", DataPaths.StagingPrefix + "ds-20260101-000000-abc", "img-000001.png"));
        var orphan = Leave(Path.Combine(data, "datasets", "ds-20260101-000000-def", "img-000001.png"));
        File.WriteAllText(Path.Combine(orphan, DataPaths.PendingImportMarker), "ds-20260101-000000-def"); // the import's own mark
        var spool = Leave(Path.Combine(data, "uploads", Guid.NewGuid().ToString("N"), "00000.upload"));

        await using var restarted = new AppFactory(data, null);
        _ = restarted.Services; // starts the host, and with it the start-up sweep
        Assert.False(Directory.Exists(staging));
        Assert.False(Directory.Exists(orphan));
        Assert.False(Directory.Exists(spool));
        Assert.True(File.Exists(Path.Combine(kept, "img-000001.png")));
    }

    [Fact]
    public async Task Backup_HoldsOnlyDatasetFoldersARecordPointsTo()
    {
        await using var app = new AppFactory(AppFactory.NewDataDirectory(), null);
        var result = app.Services.GetRequiredService<DatasetService>().Import([new UploadFile("a.png", () => new MemoryStream(Png()))]);
        // An import in flight (or one killed since start-up): on disk, but no record yet.
        Leave(Path.Combine(app.DataDirectory, "datasets", DataPaths.StagingPrefix + "ds-x", "img-000001.png"));
        Leave(Path.Combine(app.DataDirectory, "datasets", "ds-unrecorded", "img-000001.png"));
        var admin = await Session.AdminAsync(app);
        var made = await (await admin.PostAsync("/api/admin/backup", null)).Content.ReadFromJsonAsync<BackupDto>();
        using var zip = ZipFile.OpenRead(Path.Combine(app.DataDirectory, "backups", made!.Name));
        var datasets = zip.Entries.Select(e => e.FullName).Where(n => n.StartsWith("datasets/", StringComparison.Ordinal)).ToList();
        // The recorded dataset's files (its training image and its kept original), nothing of the unrecorded folders.
        Assert.Contains($"datasets/{result.Dataset!.Id}/img-000001.png", datasets);
        Assert.All(datasets, n => Assert.StartsWith($"datasets/{result.Dataset.Id}/", n));
    }

    private static string Leave(string file)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllBytes(file, Png());
        return Path.GetDirectoryName(file)!;
    }

    private static byte[] Png()
    {
        var (image, _) = AbstractPainter.Paint(1, 32);
        using (image)
        {
            var ms = new MemoryStream();
            image.SaveAsPng(ms);
            return ms.ToArray();
        }
    }
}
