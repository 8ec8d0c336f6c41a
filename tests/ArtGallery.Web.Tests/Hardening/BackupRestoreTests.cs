using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using ArtGallery.Contracts;
using ArtGallery.Gan.Checkpoints;
using ArtGallery.Web.Api;
using ArtGallery.Web.Backups;
using ArtGallery.Web.Tests.Infrastructure;

namespace ArtGallery.Web.Tests.Hardening;

[Collection("Sequential")]
public sealed class BackupRestoreTests(TinyModel model)
{
    private const string Password = "user-Pass-123";

    [Trait("Category","Slow")]
    [Fact]
    public async Task Backup_DuringTrainingAndFavoriteWrites_RestoresIntoFreshHostWithEverything()
    {
        var data = AppFactory.NewDataDirectory();
        var restored = AppFactory.NewDataDirectory() + "-restored";
        var zip = Path.Combine(Path.GetTempPath(), "ag-web-tests", $"backup-{Guid.NewGuid():N}.zip");
        string finishedRun, modelId;
        var users = new[] { "ann", "bob", "cy" };
        var written = new ConcurrentBag<(long Seed, long DoneAt)>();
        long backupSentAt;
        await using (var app = new AppFactory(data, model.ModelPath))
        {
            // A finished tiny run (checkpoints, samples) exported as a model, then a second run training during the back-up.
            var admin = await Session.AdminAsync(app);
            await TrainingApiClient.StartAsync(admin, kimgPerPhase: 0.1);
            finishedRun = (await TrainingApiClient.WaitForAsync(admin, s => s.Status == JobStatus.Finished)).RunId!;
            modelId = (await (await admin.PostAsync($"/api/training/runs/{finishedRun}/activate", null)).Content.ReadFromJsonAsync<string>())!;
            await TrainingApiClient.StartAsync(admin, kimgPerPhase: 50);
            await TrainingApiClient.WaitForAsync(admin, s => s.Status == JobStatus.Running && s.Kimg > 0);

            foreach (var name in users)
            {
                var user = await Session.UserAsync(app, name);
                for (int seed = 1; seed <= 3; seed++) Assert.Equal(HttpStatusCode.OK, (await user.PostAsync($"/api/favorites/{modelId}/{seed}?trunc=0.8", null)).StatusCode);
            }
            var busy = await Session.UserAsync(app, "busy");
            using var stop = new CancellationTokenSource();
            var clock = Stopwatch.StartNew();
            var writer = Task.Run(async () =>
            {
                for (long seed = 0; !stop.IsCancellationRequested; seed++)
                {
                    var r = await busy.PostAsync($"/api/favorites/active/{seed}", null);
                    Assert.Equal(HttpStatusCode.OK, r.StatusCode);
                    written.Add((seed, clock.ElapsedTicks));
                }
            });
            // Bounded, and a writer that failed ends the wait at once (its exception is rethrown by "await writer").
            await Poll.UntilAsync(() => written.Count >= 20 || writer.IsCompleted, TimeSpan.FromSeconds(60), "20 favorites before the back-up");
            Assert.False(writer.IsCompleted, "the favorites writer stopped early");

            backupSentAt = clock.ElapsedTicks;
            var made = await admin.PostAsync("/api/admin/backup", null);
            Assert.Equal(HttpStatusCode.Created, made.StatusCode);
            var backup = (await made.Content.ReadFromJsonAsync<BackupDto>())!;
            int afterBackup = written.Count;
            await Poll.UntilAsync(() => written.Count >= afterBackup + 10 || writer.IsCompleted, TimeSpan.FromSeconds(60), "10 favorites after the back-up");
            stop.Cancel();
            await writer;
            await admin.PostAsync("/api/training/stop", null);
            await TrainingApiClient.WaitForAsync(admin, s => s.Status == JobStatus.Stopped);

            Assert.Equal(HttpStatusCode.Forbidden, (await (await Session.UserAsync(app)).GetAsync(backup.Url)).StatusCode);
            var download = await admin.GetAsync(backup.Url);
            Assert.Equal("application/zip", download.Content.Headers.ContentType?.MediaType);
            await File.WriteAllBytesAsync(zip, await download.Content.ReadAsByteArrayAsync());
            Assert.DoesNotContain(Directory.GetFiles(data, "*.tmp", SearchOption.AllDirectories), f => true);
        }
        // Nothing of the old folder may be needed: the restored one must stand on its own.
        Directory.Delete(data, recursive: true);

        var output = new StringWriter();
        Assert.Equal(0, RestoreCommand.Run(["--restore", zip, "--into", restored], output, output));
        Assert.Contains("stored paths moved", output.ToString());
        Assert.NotEmpty(CheckpointStore.List(Path.Combine(restored, "runs", finishedRun)));
        Assert.NotNull(CheckpointStore.LoadLatest(Path.Combine(restored, "runs", finishedRun)));

        await using var again = new AppFactory(restored, null);
        foreach (var name in users)
        {
            var favorites = await (await Session.SignedInAsync(again, name, Password)).GetFromJsonAsync<List<FavoriteDto>>("/api/favorites");
            Assert.Equal([1L, 2L, 3L], favorites!.Select(f => f.Seed).Order());
        }
        var busyFavorites = (await (await Session.SignedInAsync(again, "busy", Password)).GetFromJsonAsync<List<FavoriteDto>>("/api/favorites"))!;
        var seeds = busyFavorites.Select(f => f.Seed).ToHashSet();
        var acknowledgedBefore = written.Where(w => w.DoneAt < backupSentAt).Select(w => w.Seed).ToList();
        Assert.All(acknowledgedBefore, s => Assert.True(seeds.Contains(s), $"favorite {s} returned 200 before the back-up was asked for but is missing"));
        Assert.Equal(seeds.Count, (int)seeds.Max() + 1); // one consistent moment: no gaps

        var admin2 = await Session.AdminAsync(again);
        var models = await admin2.GetFromJsonAsync<List<ModelDto>>("/api/models");
        Assert.True(models!.Single(m => m.Id == modelId).Active);
        Assert.Equal(HttpStatusCode.OK, (await admin2.GetAsync($"/api/artworks/{modelId}/5.png")).StatusCode);
        var runs = await admin2.GetFromJsonAsync<List<ArtGallery.Data.TrainingRunRecord>>("/api/training/runs");
        Assert.Contains(runs!, r => r.Id == finishedRun && r.Status == JobStatus.Finished);
        Assert.Contains(runs!, r => r.Status == JobStatus.Resumable); // the run training during the back-up
        Assert.Equal(HttpStatusCode.OK, (await admin2.GetAsync($"/api/training/runs/{finishedRun}/samples/{runs!.Single(r => r.Id == finishedRun).LastSample}")).StatusCode);
    }

    [Fact]
    public async Task Backup_TwoAtOnce_SecondGets409AndFirstCompletes()
    {
        await using var app = new AppFactory(AppFactory.NewDataDirectory(), model.ModelPath);
        var admin = await Session.AdminAsync(app);
        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => admin.PostAsync("/api/admin/backup", null)));
        Assert.Contains(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.All(responses, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.Created, HttpStatusCode.Conflict }));
        var listed = await admin.GetFromJsonAsync<List<BackupDto>>("/api/admin/backups");
        Assert.Equal(responses.Count(r => r.StatusCode == HttpStatusCode.Created), listed!.Count);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/admin/backups/..%2Fartgallery.db")).StatusCode);
    }
}
