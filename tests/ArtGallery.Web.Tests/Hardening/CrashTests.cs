using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using ArtGallery.Data;
using ArtGallery.Gan.Checkpoints;
using ArtGallery.Web.Api;
using ArtGallery.Web.Tests.Infrastructure;

namespace ArtGallery.Web.Tests.Hardening;

/// <summary>kill -9 of the real app process at bad moments; the restart must lose nothing that was acknowledged.</summary>
[Collection("Sequential")]
public sealed class CrashTests(TinyModel model)
{
    private const string Password = "user-Pass-123";

    [Fact]
    public async Task Kill9_DuringCheckpointWrite_RestartSweepsTempAndResumesFromLatestCompleteCheckpoint()
    {
        var data = AppFactory.NewDataDirectory();
        string? runId = null, caughtTemp = null;
        // The kill races the write (temp file created -> SIGKILL); a few tries make catching it mid-write near certain.
        for (int attempt = 0; attempt < 5 && caughtTemp is null; attempt++)
        {
            await using var app = await ChildApp.StartAsync(data, model.ModelPath);
            var admin = await app.SignInAsync("admin", AppFactory.AdminPassword);
            var killed = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            using var watcher = new FileSystemWatcher(Path.Combine(data, "runs")) { IncludeSubdirectories = true, Filter = "*.tmp" };
            watcher.Created += (_, e) =>
            {
                var folder = Path.GetDirectoryName(e.FullPath)!;
                if (!Path.GetFileName(e.FullPath).StartsWith(".ckpt-", StringComparison.Ordinal) || CheckpointStore.List(Path.GetDirectoryName(folder)!).Count == 0) return;
                app.Kill();
                killed.TrySetResult(e.FullPath);
            };
            watcher.EnableRaisingEvents = true;
            // Every attempt moves the run on by a checkpoint or more, so it needs more checkpoints than attempts: 64 px
            // has 9 phases, a checkpoint each (at 16 px the 5th attempt could catch the final one, leaving nothing to resume).
            if (runId is null) await TrainingApiClient.StartAsync(admin, kimgPerPhase: 0.1, minutes: 5, resolution: 64);
            else Assert.Equal(HttpStatusCode.Accepted, (await admin.PostAsync($"/api/training/resume/{runId}", null)).StatusCode);
            var temp = await killed.Task.WaitAsync(TimeSpan.FromSeconds(90));
            runId = Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(temp)));
            if (File.Exists(temp)) caughtTemp = temp;
        }
        Assert.True(caughtTemp is not null, "five kills never landed while a checkpoint temp file existed");
        var runDir = Path.Combine(data, "runs", runId!);
        var latest = CheckpointStore.LoadLatest(runDir);
        Assert.NotNull(latest);

        await using var restarted = await ChildApp.StartAsync(data, model.ModelPath);
        Assert.Empty(Directory.GetFiles(data, "*.tmp", SearchOption.AllDirectories));
        var again = await restarted.SignInAsync("admin", AppFactory.AdminPassword);
        var runs = await again.GetFromJsonAsync<List<TrainingRunRecord>>("/api/training/runs");
        Assert.Equal(RunStatus.Resumable, runs!.Single(r => r.Id == runId).Status);
        Assert.Equal(HttpStatusCode.Accepted, (await again.PostAsync($"/api/training/resume/{runId}", null)).StatusCode);
        await TrainingApiClient.WaitForAsync(again, s => s.Status == "running" && s.Kimg > latest.Counters.Kimg);
        await again.PostAsync("/api/training/pause", null);
        await TrainingApiClient.WaitForAsync(again, s => s.Status == RunStatus.Paused);

        // The first checkpoint written after the restart continues the loaded one's step count (a restart from scratch would not).
        var next = CheckpointStore.List(runDir).Select(CheckpointFile.Read).Where(c => c.Counters.Step > latest.Counters.Step).MinBy(c => c.Counters.Step);
        Assert.NotNull(next);
        Assert.InRange(next.Counters.Step - latest.Counters.Step, 1, 10);
    }

    [Fact]
    public async Task Kill9_DuringFavoriteBurstAndPrint_EveryAcknowledgedFavoriteSurvivesRestart()
    {
        var data = AppFactory.NewDataDirectory();
        var acknowledged = new ConcurrentDictionary<string, ConcurrentBag<long>>();
        await using (var app = await ChildApp.StartAsync(data, model.ModelPath))
        {
            var names = Enumerable.Range(0, 6).Select(i => $"fan{i}").ToList();
            var clients = await Task.WhenAll(names.Select(n => app.SignInAsync(n, Password, register: true)));
            var admin = await app.SignInAsync("admin", AppFactory.AdminPassword);
            const string PrintUrl = "/api/artworks/active/7/print?size=16x20&dpi=300";
            var print = clients[0].GetAsync(PrintUrl);
            var burst = names.Select((name, i) => Task.Run(async () =>
            {
                var mine = acknowledged.GetOrAdd(name, _ => []);
                for (long seed = 0; ; seed++)
                {
                    try
                    {
                        var response = await clients[i].PostAsync($"/api/favorites/active/{seed}?edits=pc1:{seed % 3}", null);
                        if (response.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"favorite {seed}: {response.StatusCode}");
                        mine.Add(seed);
                    }
                    catch (HttpRequestException) { return; } // the process died under us
                }
            })).ToList();
            // Kill once 300 favorites are acknowledged and the server itself reports a print rendering (diagnostics),
            // instead of hoping the print outlasts the burst: a print that finished first is simply requested again.
            int printsInFlight = 0;
            await Poll.UntilAsync(async () =>
            {
                if (burst.All(t => t.IsCompleted)) throw new InvalidOperationException("every favorite writer stopped before the kill");
                if (print.IsCompleted) print = clients[0].GetAsync(PrintUrl);
                if (acknowledged.Values.Sum(b => b.Count) < 300) return false;
                var diagnostics = await admin.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/admin/diagnostics");
                printsInFlight = diagnostics.GetProperty("printsInFlight").GetInt32();
                return printsInFlight > 0;
            }, TimeSpan.FromSeconds(180), "300 acknowledged favorites while a print renders");
            app.Kill();
            await Task.WhenAll(burst);
            Assert.True(printsInFlight > 0); // the server reported the print rendering just before the kill
        }

        await using var restarted = await ChildApp.StartAsync(data, model.ModelPath);
        Assert.Empty(Directory.GetFiles(data, "*.tmp", SearchOption.AllDirectories));
        foreach (var (name, seeds) in acknowledged)
        {
            var favorites = await (await restarted.SignInAsync(name, Password)).GetFromJsonAsync<List<FavoriteDto>>("/api/favorites");
            var kept = favorites!.Select(f => f.Seed).ToHashSet();
            var lost = seeds.Where(s => !kept.Contains(s)).Order().ToList();
            Assert.True(lost.Count == 0, $"{name}: favorites acknowledged with 200 but lost by the kill: {string.Join(", ", lost)}");
        }
        var after = await restarted.Client().GetAsync("/api/artworks/active/7/print?size=8x10&dpi=50");
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }
}
