using System.Net;
using System.Net.Http.Json;
using ArtGallery.Contracts;
using ArtGallery.Data;
using ArtGallery.Imaging;
using ArtGallery.Web.Datasets;
using ArtGallery.Web.Infrastructure;
using ArtGallery.Web.Tests.Infrastructure;
using ArtGallery.Web.Training;
using LiteDB;
using Microsoft.Extensions.DependencyInjection;
using SixLabors.ImageSharp;
using static ArtGallery.Web.Tests.Infrastructure.TrainingApiClient;

namespace ArtGallery.Web.Tests.Hardening;

/// <summary>
/// Issue 24 class 2: the data folder can be moved, renamed or copied. Real app, real LiteDB file: datasets survive the
/// move and train from the new place; a copy reads its own files; the start-up sweep deletes only marked leftovers.
/// </summary>
[Collection("Sequential")]
public sealed class MovableDataFolderTests
{
    [Fact]
    public async Task DataFolderMoved_Restart_DatasetKeptAndTrains()
    {
        var data = AppFactory.NewDataDirectory();
        string id;
        await using (var first = new AppFactory(data, null))
            id = first.Services.GetRequiredService<DatasetService>().Import(Pngs(4), "moved").Dataset!.Id;
        var moved = AppFactory.NewDataDirectory() + "-renamed";
        Directory.Move(data, moved);

        await using var app = new AppFactory(moved, null, new Dictionary<string, string> { ["ArtGallery:TrainingThreads"] = "1" });
        var record = Assert.Single(app.Services.GetRequiredService<DatasetService>().All());
        Assert.Equal((id, "moved", 4), (record.Id, record.Name, record.ImageCount));
        Assert.Equal(Path.Combine(moved, "datasets", id), record.Folder);
        Assert.Equal(4, Directory.GetFiles(record.Folder, "img-*.png").Length); // the sweep left it alone
        Assert.Equal(record.Folder, app.Services.GetRequiredService<RunPlanner>().DatasetSpec(id));

        var admin = await Session.AdminAsync(app);
        var start = await admin.PostAsJsonAsync("/api/training/start",
            new TrainingRequest { Dataset = id, MaxResolution = 8, KimgPerPhase = 0.2, Minutes = 1 });
        Assert.Equal(HttpStatusCode.Accepted, start.StatusCode);
        var running = await WaitForAsync(admin, s => s.Kimg > 0 || s.Status is JobStatus.Finished or JobStatus.Failed, 120);
        Assert.NotEqual(JobStatus.Failed, running.Status);
        var run = app.Services.GetRequiredService<ArtGalleryDatabase>().FindRun(running.RunId!)!;
        Assert.Equal(record.Folder, run.Dataset);
        await admin.PostAsync("/api/training/stop", null);
        await WaitForAsync(admin, s => s.Status is not JobStatus.Running and not JobStatus.Starting, 60);
    }

    [Fact]
    public async Task LegacyAbsoluteRecords_CopiedFolder_ReadsItsOwnFiles()
    {
        var original = AppFactory.NewDataDirectory();
        await using (var first = new AppFactory(original, null))
            first.Services.GetRequiredService<DatasetService>().Import(Pngs(2), "legacy");
        WriteAbsoluteFolders(original); // as every record was written before paths were stored relative
        var copy = AppFactory.NewDataDirectory();
        CopyTree(original, copy);
        Directory.Delete(Path.Combine(original, "datasets"), recursive: true); // the copy must not need the original

        await using var app = new AppFactory(copy, null);
        var record = Assert.Single(app.Services.GetRequiredService<DatasetService>().All());
        Assert.StartsWith(copy + Path.DirectorySeparatorChar, record.Folder);
        Assert.Equal(2, Directory.GetFiles(record.Folder, "img-*.png").Length);
        Assert.NotNull(app.Services.GetRequiredService<DatasetService>().Thumbnail(record.Id, 0));
    }

    [Fact]
    public async Task Sweep_DeletesOnlyMarkedLeftovers_NeverAnUnrecordedPlainFolder()
    {
        var data = AppFactory.NewDataDirectory();
        var plain = Leave(Path.Combine(data, "datasets", "ds-brought-by-hand"));
        var marked = Leave(Path.Combine(data, "datasets", "ds-20260101-000000-abc"), marker: true);
        await using var app = new AppFactory(data, null);
        _ = app.Services;
        Assert.True(Directory.Exists(plain));
        Assert.False(Directory.Exists(marked));
    }

    private static IReadOnlyList<UploadFile> Pngs(int count) =>
        [.. Enumerable.Range(1, count).Select(i => new UploadFile($"p{i}.png", () => new MemoryStream(Png(i))))];

    private static byte[] Png(int seed)
    {
        var (image, _) = AbstractPainter.Paint(seed, 32);
        using (image)
        {
            var ms = new MemoryStream();
            image.SaveAsPng(ms);
            return ms.ToArray();
        }
    }

    private static string Leave(string folder, bool marker = false)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllBytes(Path.Combine(folder, "img-000001.png"), Png(1));
        if (marker) File.WriteAllText(Path.Combine(folder, DataPaths.PendingImportMarker), "x");
        return folder;
    }

    /// <summary>Rewrites every dataset record's folder to the absolute form older versions stored.</summary>
    private static void WriteAbsoluteFolders(string data)
    {
        using var db = new LiteDatabase(new ConnectionString { Filename = Path.Combine(data, "artgallery.db"), Connection = ConnectionType.Direct });
        var datasets = db.GetCollection("datasets");
        foreach (var doc in datasets.FindAll().ToList())
        {
            doc["Folder"] = Path.Combine(data, "datasets", doc["_id"].AsString);
            datasets.Update(doc);
        }
    }

    private static void CopyTree(string from, string to)
    {
        foreach (var dir in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, dir)));
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
    }
}
