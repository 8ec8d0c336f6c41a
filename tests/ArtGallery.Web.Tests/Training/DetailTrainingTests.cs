using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ArtGallery.Contracts;
using ArtGallery.Data;
using ArtGallery.Detail;
using ArtGallery.Imaging;
using ArtGallery.Web.Tests.Auth;
using ArtGallery.Web.Tests.Infrastructure;
using ArtGallery.Web.Training;
using ArtGallery.Web.Training.DetailJobs;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace ArtGallery.Web.Tests.Training;

/// <summary>Detail training from the admin API: a real worker calibrates and trains a few steps for the tiny model, progress and
/// LR | output | HR strips come over the real hub, and prints of that model then go through the new detail model.</summary>
[Collection("Sequential")]
public sealed class DetailTrainingTests : IAsyncLifetime
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(120);
    private readonly TinyModel model;
    private readonly string folder = Path.Combine(Path.GetTempPath(), "ag-web-tests", "detail-train-" + Guid.NewGuid().ToString("N"));
    private readonly string modelPath;
    private readonly AppFactory app;

    public DetailTrainingTests(TinyModel model)
    {
        this.model = model;
        Directory.CreateDirectory(folder);
        // A copy: the detail model is written next to the model file, and the fixture's is shared.
        modelPath = Path.Combine(folder, "tiny.agmodel");
        File.Copy(model.ModelPath, modelPath);
        app = new AppFactory(AppFactory.NewDataDirectory(), modelPath);
    }

    [Trait("Category","Slow")]
    [Fact]
    public async Task ActiveModel_ProgressAndStripOverTheHub_ThenItsPrintsNameTheDetailModel()
    {
        var cookie = await Session.CookieAsync(app, "admin", AppFactory.AdminPassword);
        await using var hub = AuthorizationTests.HubFor(app, cookie);
        var progress = new List<DetailProgressDto>();
        var samples = new List<DetailSampleDto>();
        var ended = new TaskCompletionSource<DetailProgressDto>();
        hub.On<DetailProgressDto>(nameof(ITrainingClient.DetailProgress), p =>
        {
            lock (progress) progress.Add(p);
            if (p.Status is JobStatus.Finished or JobStatus.Failed or JobStatus.Stopped) ended.TrySetResult(p);
        });
        hub.On<DetailSampleDto>(nameof(ITrainingClient.DetailSample), s => { lock (samples) samples.Add(s); });
        await hub.StartAsync();
        var admin = await Session.AdminAsync(app);
        // Rendered (and cached) before the model has a detail model: Lanczos.
        Assert.Equal("lanczos", PngInspector.Read(await admin.GetByteArrayAsync("/api/artworks/active/3.png?view=large")).Text["Upscaler"]);

        var start = await admin.PostAsJsonAsync("/api/training/detail", new DetailTrainingRequest { ModelId = "active", Steps = 8, Threads = 1 });
        Assert.Equal(HttpStatusCode.Accepted, start.StatusCode);
        var last = await ended.Task.WaitAsync(Limit);

        var state = await admin.GetFromJsonAsync<JsonElement>("/api/training/detail");
        Assert.True(last.Status == JobStatus.Finished, $"ended {last.Status}: {state}");
        lock (progress) Assert.Contains(progress, p => p.Status == JobStatus.Running && double.IsFinite(p.BicubicLoss));
        DetailSampleDto sample;
        lock (samples)
        {
            Assert.NotEmpty(samples);
            sample = samples[^1];
        }
        var png = await admin.GetAsync(sample.Url);
        Assert.Equal("image/png", png.Content.Headers.ContentType?.MediaType);
        var strip = PngInspector.Read(await png.Content.ReadAsByteArrayAsync());
        Assert.Equal(3 * strip.Height, strip.Width);

        var detailFile = DetailModel.PathFor(modelPath);
        using var detail = DetailModel.Load(detailFile, TorchSharp.torch.CPU);
        Assert.Equal(model.ModelId, detail.Info.GeneratorModelId);
        Assert.Equal(8, detail.Info.Steps);
        var print = PngInspector.Read(await admin.GetByteArrayAsync("/api/artworks/active/7/print?size=2x2.5&dpi=40"));
        Assert.Equal("detail", print.Text["Upscaler"]);
        Assert.StartsWith(detail.Id, print.Text["DetailModel"]);
        Assert.Equal("detail", PngInspector.Read(await admin.GetByteArrayAsync("/api/artworks/active/3.png?view=large")).Text["Upscaler"]);
    }

    [Trait("Category","Slow")]
    [Fact]
    public async Task FinishedRun_SavedInTheRunFolder_AndActivatingTheRunBringsItToPrints()
    {
        var admin = await Session.AdminAsync(app);
        var runId = CopyTinyRun(JobStatus.Finished);

        var start = await admin.PostAsJsonAsync("/api/training/detail", new DetailTrainingRequest { RunId = runId, Steps = 4, Threads = 1 });
        Assert.Equal(HttpStatusCode.Accepted, start.StatusCode);
        var state = await WaitForEndAsync(admin);
        Assert.Equal("finished", state.GetProperty("current").GetProperty("status").GetString());
        var runDetail = Path.Combine(app.DataDirectory, "runs", runId, "detail.agdetail");
        Assert.True(File.Exists(runDetail));

        var activated = await admin.PostAsync($"/api/training/runs/{runId}/activate", null);
        var modelId = await activated.Content.ReadFromJsonAsync<string>();
        Assert.True(File.Exists(Path.Combine(app.DataDirectory, "models", modelId + ".agdetail")));
        var print = PngInspector.Read(await admin.GetByteArrayAsync($"/api/artworks/{modelId}/3/print?size=2x2.5&dpi=40"));
        Assert.Equal("detail", print.Text["Upscaler"]);
    }

    [Trait("Category","Slow")]
    [Fact]
    public async Task WhileADetailModelTrains_SecondJobRefused_RunRefused_StopKeepsNothing()
    {
        var admin = await Session.AdminAsync(app);
        var start = await admin.PostAsJsonAsync("/api/training/detail", new DetailTrainingRequest { ModelId = "active", Minutes = 5, Threads = 1 });
        Assert.Equal(HttpStatusCode.Accepted, start.StatusCode);
        var training = app.Services.GetRequiredService<TrainingService>();
        await Poll.UntilAsync(() => training.Busy, Limit, "the detail job to start");

        var second = await admin.PostAsJsonAsync("/api/training/detail", new DetailTrainingRequest { ModelId = "active", Steps = 2 });
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Contains("detail model is training", await second.Content.ReadAsStringAsync());
        await TrainingApiClient.StartAsync(admin, 0.05);
        await Poll.UntilAsync(async () => (await admin.GetStringAsync("/api/training/status")).Contains("detail model is training"), Limit, "the run to be refused");

        Assert.Equal(HttpStatusCode.Accepted, (await admin.PostAsync("/api/training/stop", null)).StatusCode);
        var current = (await WaitForEndAsync(admin)).GetProperty("current");
        Assert.True(current.GetProperty("status").GetString() == "stopped", (await admin.GetStringAsync("/api/training/detail")));
        Assert.False(File.Exists(DetailModel.PathFor(modelPath)));
        Assert.Empty(Directory.GetFiles(folder, "*.tmp*"));
    }

    [Trait("Category","Slow")]
    [Fact]
    public async Task KilledDetailWorker_JobFailed_NothingSaved_GalleryServes_NextJobRuns()
    {
        // The worker stops after its first progress report (a test-only fault point) and is killed there.
        var fault = new FaultMarker(FaultPoint.DetailProgress);
        await using var faulty = new AppFactory(AppFactory.NewDataDirectory(), modelPath, fault.WorkerSettings);
        var admin = await Session.AdminAsync(faulty);
        var start = await admin.PostAsJsonAsync("/api/training/detail", new DetailTrainingRequest { ModelId = "active", Steps = 1000, Threads = 1 });
        Assert.Equal(HttpStatusCode.Accepted, start.StatusCode);
        var (pid, _) = await fault.WaitAsync();
        using (var worker = Process.GetProcessById(pid))
        {
            worker.Kill();
            Assert.True(worker.WaitForExit(10_000));
        }

        var state = await WaitForEndAsync(admin);
        Assert.Equal("failed", state.GetProperty("current").GetProperty("status").GetString());
        Assert.Contains("killed by signal 9", state.GetProperty("message").GetString());
        Assert.False(File.Exists(DetailModel.PathFor(modelPath)));
        Assert.Empty(Directory.GetFiles(folder, "*.tmp*"));
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/artworks/active/7.png")).StatusCode);
        // The one job slot is free again (the marker exists, so this worker passes the fault point).
        var next = await admin.PostAsJsonAsync("/api/training/detail", new DetailTrainingRequest { ModelId = "active", Steps = 2, Threads = 1 });
        Assert.Equal(HttpStatusCode.Accepted, next.StatusCode);
    }

    [Theory]
    [InlineData("{\"runId\":\"run-x\",\"modelId\":\"active\"}", HttpStatusCode.BadRequest, "either a run or a model")]
    [InlineData("{\"runId\":\"run-unknown\"}", HttpStatusCode.BadRequest, "Unknown run")]
    [InlineData("{\"modelId\":\"active\",\"minutes\":0}", HttpStatusCode.BadRequest, "Minutes")]
    public async Task BadRequest_ClearProblem(string body, HttpStatusCode code, string word)
    {
        var admin = await Session.AdminAsync(app);
        var response = await admin.PostAsync("/api/training/detail", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(code, response.StatusCode);
        Assert.Contains(word, await response.Content.ReadAsStringAsync());
    }

    private static async Task<JsonElement> WaitForEndAsync(HttpClient admin)
    {
        JsonElement state = default;
        await Poll.UntilAsync(async () =>
        {
            state = await admin.GetFromJsonAsync<JsonElement>("/api/training/detail");
            return !state.GetProperty("isBusy").GetBoolean() && state.GetProperty("current").ValueKind == JsonValueKind.Object;
        }, Limit, "the detail job to end", everyMs: 100);
        return state;
    }

    private string CopyTinyRun(JobStatus status)
    {
        var id = $"run-test-{Guid.NewGuid():N}"[..20];
        var target = Path.Combine(app.DataDirectory, "runs", id);
        foreach (var file in Directory.GetFiles(model.RunDirectory, "*", SearchOption.AllDirectories))
        {
            var to = Path.Combine(target, Path.GetRelativePath(model.RunDirectory, file));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to);
        }
        app.Services.GetRequiredService<ArtGalleryDatabase>().SaveRun(new TrainingRunRecord
        {
            Id = id, Status = status, Dataset = "builtin:abstract", OptionsJson = TinyModel.Options().ToJson(), Started = DateTime.UtcNow,
        });
        return id;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await app.DisposeAsync();
        try { Directory.Delete(folder, true); } catch (IOException) { }
    }
}
