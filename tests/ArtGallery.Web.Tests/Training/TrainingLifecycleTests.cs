using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ArtGallery.Contracts;
using ArtGallery.Data;
using ArtGallery.Web.Tests.Infrastructure;
using ArtGallery.Web.Training;

namespace ArtGallery.Web.Tests.Training;

[Collection("Sequential")]
public sealed class TrainingLifecycleTests(TinyModel model)
{
    [Trait("Category","Slow")]
    [Fact]
    public async Task PauseThenResume_ContinuesFromCheckpointAndActivates()
    {
        await using var app = new AppFactory(AppFactory.NewDataDirectory(), model.ModelPath,
            new Dictionary<string, string> { ["ArtGallery:TrainingThreads"] = "1" });
        var admin = await Session.AdminAsync(app);
        await admin.PostAsJsonAsync("/api/training/start", new TrainingRequest { MaxResolution = 8, KimgPerPhase = 5, Minutes = 2 });
        var running = await TrainingApiClient.WaitForAsync(admin, s => s.Status == JobStatus.Running && s.Kimg > 0.1);
        Assert.Equal(HttpStatusCode.Accepted, (await admin.PostAsync("/api/training/pause", null)).StatusCode);
        var paused = await TrainingApiClient.WaitForAsync(admin, s => s.Status == JobStatus.Paused);

        Assert.Equal(HttpStatusCode.Accepted, (await admin.PostAsync($"/api/training/resume/{running.RunId}", null)).StatusCode);
        var resumed = await TrainingApiClient.WaitForAsync(admin, s => s.Status == JobStatus.Running && s.Kimg > paused.Kimg);
        Assert.Equal(running.RunId, resumed.RunId);
        await admin.PostAsync("/api/training/stop", null);
        await TrainingApiClient.WaitForAsync(admin, s => s.Status == JobStatus.Stopped);
        var runs = await admin.GetFromJsonAsync<List<TrainingRunRecord>>("/api/training/runs");
        var options = ArtGallery.Gan.Training.TrainingOptions.FromJson(runs!.Single(r => r.Id == running.RunId).OptionsJson);
        Assert.Equal(1, options.Threads); // ArtGallery:TrainingThreads reaches the engine (the default is 2)

        var activated = await admin.PostAsync($"/api/training/runs/{running.RunId}/activate", null);
        Assert.Equal(HttpStatusCode.OK, activated.StatusCode);
        var id = await activated.Content.ReadFromJsonAsync<string>();
        var models = await admin.GetFromJsonAsync<List<ArtGallery.Web.Api.ModelDto>>("/api/models");
        Assert.True(models!.Single(m => m.Id == id).Active);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/api/artworks/{id}/1.png")).StatusCode);
    }

    [Fact]
    public async Task Restart_RunLeftRunning_IsMarkedResumable()
    {
        var data = AppFactory.NewDataDirectory();
        using (var db = new ArtGalleryDatabase(Path.Combine(data, "artgallery.db")))
            db.SaveRun(new TrainingRunRecord { Id = "run-crashed", Status = JobStatus.Running, Started = DateTime.UtcNow });
        await using var app = new AppFactory(data, model.ModelPath);
        var admin = await Session.AdminAsync(app);
        var runs = await admin.GetFromJsonAsync<List<TrainingRunRecord>>("/api/training/runs");
        Assert.Equal(JobStatus.Resumable, runs!.Single(r => r.Id == "run-crashed").Status);
    }
}
