using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using ArtGallery.Contracts;
using ArtGallery.Data;
using ArtGallery.Gan.Checkpoints;
using ArtGallery.Imaging;
using ArtGallery.Web.Api;
using ArtGallery.Web.Tests.Infrastructure;

namespace ArtGallery.Web.Tests.Hardening;

/// <summary>kill -9 of the real app process at bad moments; the restart must lose nothing that was acknowledged.</summary>
[Trait("Category","Slow")]
[Collection("Sequential")]
public sealed class CrashTests(TinyModel model)
{
    private const string Password = "user-Pass-123";

    [Fact]
    public async Task Kill9_DuringCheckpointWrite_RestartSweepsTempAndResumesFromLatestCompleteCheckpoint()
    {
        var data = AppFactory.NewDataDirectory();
        // The worker stops with its second checkpoint's temp file complete but not renamed (the first one is in place), and
        // the whole app is killed there: no race against the write, however busy the machine.
        var fault = new FaultMarker($"{FaultPoint.CheckpointTempWritten}:2");
        string temp, runId;
        await using (var app = await ChildApp.StartAsync(data, model.ModelPath, fault.Environment))
        {
            var admin = await app.SignInAsync("admin", AppFactory.AdminPassword);
            await TrainingApiClient.StartAsync(admin, kimgPerPhase: 0.1, minutes: 5, resolution: 16);
            (int workerPid, temp) = await fault.WaitAsync();
            Assert.NotEqual(app.ProcessId, workerPid); // the worker wrote it, not the web process
            Assert.StartsWith(".ckpt-", Path.GetFileName(temp));
            runId = Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(temp)))!;
            Assert.Single(CheckpointStore.List(Path.Combine(data, "runs", runId)));
            app.Kill();
        }
        Assert.True(File.Exists(temp), "the kill left the checkpoint's temp file behind");
        var runDir = Path.Combine(data, "runs", runId);
        var latest = CheckpointStore.LoadLatest(runDir);
        Assert.NotNull(latest);

        // The restarted app's worker stops at its first new checkpoint, so the run cannot finish before it is looked at.
        var resumed = new FaultMarker(FaultPoint.CheckpointWritten);
        await using var restarted = await ChildApp.StartAsync(data, model.ModelPath, resumed.Environment);
        Assert.Empty(Directory.GetFiles(data, "*.tmp", SearchOption.AllDirectories));
        var again = await restarted.SignInAsync("admin", AppFactory.AdminPassword);
        var runs = await again.GetFromJsonAsync<List<TrainingRunRecord>>("/api/training/runs");
        Assert.Equal(JobStatus.Resumable, runs!.Single(r => r.Id == runId).Status);
        Assert.Equal(HttpStatusCode.Accepted, (await again.PostAsync($"/api/training/resume/{runId}", null)).StatusCode);
        var (_, written) = await resumed.WaitAsync();

        // The first checkpoint written after the restart continues the loaded one's step count (a restart from scratch would
        // write the first checkpoint's step again).
        var next = CheckpointFile.Read(written);
        Assert.Equal(runDir, Path.GetDirectoryName(Path.GetDirectoryName(written)));
        Assert.InRange(next.Counters.Step - latest.Counters.Step, 1, 10);
        Assert.True(next.Counters.Kimg > latest.Counters.Kimg);
    }

    [Fact]
    public async Task Kill9_DuringFavoriteBurstAndPrint_EveryAcknowledgedFavoriteSurvivesRestart()
    {
        var data = AppFactory.NewDataDirectory();
        var acknowledged = new ConcurrentDictionary<string, ConcurrentBag<long>>();
        var printing = new FaultMarker(FaultPoint.PrintRendering);
        await using (var app = await ChildApp.StartAsync(data, model.ModelPath, printing.Environment))
        {
            var names = Enumerable.Range(0, 6).Select(i => $"fan{i}").ToList();
            var clients = await Task.WhenAll(names.Select(n => app.SignInAsync(n, Password, register: true)));
            var admin = await app.SignInAsync("admin", AppFactory.AdminPassword);
            // Its answer never comes (the process dies first); the server's own count below says it is in flight.
            _ = clients[0].GetAsync("/api/artworks/active/7/print?size=16x20&dpi=300");
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
            // The print stops in its print slot (a test-only fault point), so it is still in flight when the kill lands.
            var (pid, _) = await printing.WaitAsync();
            Assert.Equal(app.ProcessId, pid);
            await Poll.UntilAsync(() => burst.All(t => t.IsCompleted)
                ? throw new InvalidOperationException("every favorite writer stopped before the kill")
                : acknowledged.Values.Sum(b => b.Count) >= 300, TimeSpan.FromSeconds(180), "300 acknowledged favorites");
            var diagnostics = await admin.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/admin/diagnostics");
            Assert.Equal(1, diagnostics.GetProperty("printsInFlight").GetInt32());
            app.Kill();
            await Task.WhenAll(burst);
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
