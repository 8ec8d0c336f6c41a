using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using ArtGallery.Contracts;
using ArtGallery.Data;
using ArtGallery.Gan.Checkpoints;
using ArtGallery.Imaging;
using ArtGallery.Web.Tests.Infrastructure;
using ArtGallery.Web.Training;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using static ArtGallery.Web.Tests.Infrastructure.TrainingApiClient;

namespace ArtGallery.Web.Tests.Training;

/// <summary>Training runs in its own `artgallery worker` process: a real kill -9 of it, and the host's shutdown.</summary>
[Trait("Category","Slow")]
[Collection("Sequential")]
public sealed partial class WorkerProcessTests(TinyModel model)
{
    [Fact]
    public async Task KilledWorker_RunIsResumable_GalleryServes_ResumeContinuesFromLastCheckpoint()
    {
        var logs = new CapturedLogs();
        // The worker stops right after its first checkpoint (a test-only fault point) and is killed there: never mid-write,
        // never after the run ended, however busy the machine.
        var fault = new FaultMarker(FaultPoint.CheckpointWritten);
        var settings = new Dictionary<string, string>(fault.WorkerSettings)
        {
            ["ArtGallery:TrainingThreads"] = "1",
            ["Logging:LogLevel:ArtGallery.Web.Training"] = "Information",
        };
        await using var app = new AppFactory(AppFactory.NewDataDirectory(), model.ModelPath, settings, b => b.ConfigureLogging(l => l.AddProvider(logs)));
        var admin = await Session.AdminAsync(app);
        var training = app.Services.GetRequiredService<TrainingService>();
        await StartAsync(admin, kimgPerPhase: 3, minutes: 3); // a checkpoint every 3 kimg of 9
        var (pid, checkpoint) = await fault.WaitAsync();
        Assert.Equal(training.WorkerProcessId, pid);
        Assert.NotEqual(Environment.ProcessId, pid); // training is not in the web process
        var folder = Path.GetDirectoryName(Path.GetDirectoryName(checkpoint))!;
        var runId = Path.GetFileName(folder);
        using (var worker = Process.GetProcessById(pid))
        {
            worker.Kill(); // SIGKILL: no goodbye
            Assert.True(worker.WaitForExit(10_000));
        }
        Assert.Equal(checkpoint, CheckpointStore.List(folder).Single());
        double checkpointKimg = CheckpointStore.LoadLatest(folder)!.Counters.Kimg;

        var after = await WaitForAsync(admin, s => s.Status == JobStatus.Resumable, 30);
        Assert.Equal(runId, after.RunId);
        var status = await admin.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/training/status");
        Assert.Contains("killed by signal 9", status.GetProperty("message").GetString());
        Assert.Contains("killed by signal 9", await admin.GetStringAsync("/admin/training")); // the admin page's notice
        var runs = await admin.GetFromJsonAsync<List<TrainingRunRecord>>("/api/training/runs");
        Assert.Equal(JobStatus.Resumable, runs!.Single(r => r.Id == runId).Status);
        Assert.Null(training.WorkerProcessId);
        // The gallery never noticed.
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/api/artworks/{model.ModelId}/7.png")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Session.Client(app).GetAsync("/")).StatusCode);

        Assert.Equal(HttpStatusCode.Accepted, (await admin.PostAsync($"/api/training/resume/{runId}", null)).StatusCode);
        await Until(() => StartedAt(logs).Count == 2, "the resumed worker's start");
        Assert.Equal(checkpointKimg, StartedAt(logs)[1], 9); // from the last checkpoint, not from zero
        Assert.True(checkpointKimg > 0);
        var resumed = await WaitForAsync(admin, s => s.Status == JobStatus.Running && s.Kimg > checkpointKimg);
        Assert.Equal(runId, resumed.RunId);

        // A pause still ends with a checkpoint written by the worker.
        await admin.PostAsync("/api/training/pause", null);
        await WaitForAsync(admin, s => s.Status == JobStatus.Paused);
        Assert.True(CheckpointStore.LoadLatest(folder)!.Counters.Kimg >= resumed.Kimg);
    }

    [Fact]
    public async Task HostShutdown_StopsTheWorkerWithACheckpoint_NoOrphan()
    {
        var app = new AppFactory(AppFactory.NewDataDirectory(), model.ModelPath, new Dictionary<string, string> { ["ArtGallery:TrainingThreads"] = "1" });
        Process worker;
        string folder;
        await using (app)
        {
            var admin = await Session.AdminAsync(app);
            var training = app.Services.GetRequiredService<TrainingService>();
            await StartAsync(admin, kimgPerPhase: 20, minutes: 3); // no checkpoint of its own for minutes
            var running = await WaitForAsync(admin, s => s.Status == JobStatus.Running && s.Kimg > 0);
            folder = app.Services.GetRequiredService<RunFolders>().For(running.RunId!).Path;
            worker = Process.GetProcessById(training.WorkerProcessId!.Value);
            Assert.Empty(CheckpointStore.List(folder));
        }
        using (worker) Assert.True(worker.HasExited, "the worker outlived the host");
        Assert.NotEmpty(CheckpointStore.List(folder)); // the shutdown paused it: it wrote its checkpoint first
    }

    private static List<double> StartedAt(CapturedLogs logs) =>
        StartedRegex().Matches(logs.Text).Select(m => double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToList();

    private static async Task Until(Func<bool> done, string what, int seconds = 90)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (!done())
        {
            if (DateTime.UtcNow > until) throw new TimeoutException($"No {what} within {seconds} s.");
            await Task.Delay(50);
        }
    }

    [GeneratedRegex(@"Information \S+TrainingService: Training run \S+: worker \d+ started at ([0-9.eE+-]+) kimg")]
    private static partial Regex StartedRegex();
}
