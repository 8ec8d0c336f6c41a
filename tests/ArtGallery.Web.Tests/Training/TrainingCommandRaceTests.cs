using System.Net;
using ArtGallery.Web.Tests.Infrastructure;
using ArtGallery.Web.Training;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ArtGallery.Web.Tests.Training;

/// <summary>
/// Pause and Stop landing as a run ends: the trainer thread nulls the active run while the command loop reads it. A
/// command that threw out of the loop used to stop the host (BackgroundServiceExceptionBehavior.StopHost).
/// </summary>
[Trait("Category","Slow")]
[Collection("Sequential")]
public sealed class TrainingCommandRaceTests(TinyModel model)
{
    [Fact]
    public async Task PauseAndStop_RacingRunEnds_HostKeepsRunningAndHealthy()
    {
        await using var app = new AppFactory(AppFactory.NewDataDirectory(), model.ModelPath,
            new Dictionary<string, string> { ["ArtGallery:TrainingThreads"] = "1" });
        var admin = await Session.AdminAsync(app);
        var training = app.Services.GetRequiredService<TrainingService>();
        var monitor = app.Services.GetRequiredService<JobMonitor>();
        var lifetime = app.Services.GetRequiredService<IHostApplicationLifetime>();
        // A run of a few steps, so its end (and the field set to null) comes while the commands below are queued.
        var tiny = new TrainingRequest { Dataset = "builtin:abstract", MaxResolution = 8, KimgPerPhase = 0.05, Minutes = 1 };
        var until = DateTime.UtcNow.AddSeconds(150);
        int runs = 0;
        for (; runs < 12 && DateTime.UtcNow < until; runs++)
        {
            Assert.True(training.Send(new TrainingCommand.Start(tiny)));
            // Spread Pause/Stop over the run's whole life, the last ones after it has most likely ended.
            for (int i = 0; i < 6; i++)
            {
                training.Send(i % 2 == 0 ? new TrainingCommand.Pause() : new TrainingCommand.Stop());
                await Task.Delay(Random.Shared.Next(0, 40 * (runs % 4 + 1)));
            }
            var idle = DateTime.UtcNow.AddSeconds(60);
            while ((monitor.Busy || training.HandlingSince is not null) && DateTime.UtcNow < idle) await Task.Delay(20);
            Assert.False(monitor.Busy, $"run {runs} did not end within 60 s");
            Assert.False(lifetime.ApplicationStopping.IsCancellationRequested, $"the host began stopping after run {runs}");
            Assert.True(training.CommandLoopAlive, $"the command loop died after run {runs}: {training.ExecuteTask?.Exception}");
        }
        Assert.True(runs >= 4, $"only {runs} runs in the time allowed");
        var health = await admin.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("Healthy", await health.Content.ReadAsStringAsync());
    }
}
