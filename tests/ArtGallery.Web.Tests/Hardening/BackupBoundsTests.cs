using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using ArtGallery.Web.Backups;
using ArtGallery.Web.Tests.Infrastructure;

namespace ArtGallery.Web.Tests.Hardening;

/// <summary>Issue 24 minor findings: back-ups are bounded (retention, delete, free space) and a damaged one restores to a clear error.</summary>
[Collection("Sequential")]
public sealed class BackupBoundsTests
{
    [Fact]
    public async Task Retention_KeepsTheNewestAndDeletesTheOldest()
    {
        await using var app = new AppFactory(AppFactory.NewDataDirectory(), null, new Dictionary<string, string> { ["ArtGallery:BackupRetention"] = "2" });
        var admin = await Session.AdminAsync(app);
        var made = new List<string>();
        for (int i = 0; i < 3; i++) made.Add((await Made(admin)).Name);

        var listed = (await admin.GetFromJsonAsync<List<BackupDto>>("/api/admin/backups"))!.Select(b => b.Name).ToList();
        Assert.Equal([made[2], made[1]], listed);
        Assert.Equal(2, Directory.GetFiles(Path.Combine(app.DataDirectory, "backups"), "*.zip").Length);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/admin/backups/{made[0]}")).StatusCode);
    }

    [Fact]
    public async Task Delete_RemovesOneBackup_UnknownOrForeignNames404()
    {
        await using var app = new AppFactory(AppFactory.NewDataDirectory(), null);
        var admin = await Session.AdminAsync(app);
        var (keep, drop) = (await Made(admin), await Made(admin));

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync(drop.Url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(drop.Url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync(drop.Url)).StatusCode);
        foreach (var name in new[] { "..%2Fartgallery.db", "artgallery.db", "artgallery-x.zip" })
            Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync($"/api/admin/backups/{name}")).StatusCode);
        Assert.True(File.Exists(Path.Combine(app.DataDirectory, "artgallery.db")));
        Assert.Equal([keep.Name], (await admin.GetFromJsonAsync<List<BackupDto>>("/api/admin/backups"))!.Select(b => b.Name));
    }

    [Fact]
    public async Task NotEnoughFreeSpace_507InWordsAndNothingWritten()
    {
        // The disk's real free space, measured by the app, against a floor no disk here has (100 TB).
        await using var app = new AppFactory(AppFactory.NewDataDirectory(), null, new Dictionary<string, string> { ["ArtGallery:BackupMinFreeMegabytes"] = "100000000" });
        var admin = await Session.AdminAsync(app);
        var response = await admin.PostAsync("/api/admin/backup", null);
        Assert.Equal(HttpStatusCode.InsufficientStorage, response.StatusCode);
        Assert.Contains("Not enough free disk space for a back-up", await response.Content.ReadAsStringAsync());
        Assert.Empty(Directory.GetFiles(Path.Combine(app.DataDirectory, "backups")));
    }

    [Fact]
    public async Task Restore_DamagedDatabase_ExitsOneWithAMessageAndLeavesNothing()
    {
        var zip = Path.Combine(Path.GetTempPath(), "ag-web-tests", $"damaged-{Guid.NewGuid():N}.zip");
        await using (var app = new AppFactory(AppFactory.NewDataDirectory(), null))
            File.Copy(Path.Combine(app.DataDirectory, "backups", (await Made(await Session.AdminAsync(app))).Name), zip);
        using (var archive = ZipFile.Open(zip, ZipArchiveMode.Update))
        {
            archive.GetEntry("artgallery.db")!.Delete();
            var garbage = new byte[64 * 1024];
            new Random(24).NextBytes(garbage);
            using var entry = archive.CreateEntry("artgallery.db").Open();
            entry.Write(garbage);
        }

        var target = AppFactory.NewDataDirectory() + "-restored";
        var (output, error) = (new StringWriter(), new StringWriter());
        Assert.Equal(1, RestoreCommand.Run(["--restore", zip, "--into", target], output, error));
        Assert.Contains("artgallery.db is damaged and cannot be opened", error.ToString());
        Assert.False(Directory.Exists(target));

        // The shipped program says the same and exits 1 (it died with an unhandled LiteException, rc 134, before).
        var info = new ProcessStartInfo("dotnet", [ChildApp.WebDll, "--restore", zip, "--into", target])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = AppContext.BaseDirectory,
        };
        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(120));
        Assert.Equal(1, process.ExitCode);
        Assert.Contains("Restore failed:", await stderr);
        Assert.Contains("artgallery.db is damaged", await stderr);
        Assert.DoesNotContain("   at ", await stderr);
        Assert.False(Directory.Exists(target));
    }

    private static async Task<BackupDto> Made(HttpClient admin)
    {
        var response = await admin.PostAsync("/api/admin/backup", null);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<BackupDto>())!;
    }
}
