using ArtGallery.Contracts;
using ArtGallery.Data;
using ArtGallery.Web.Tests.Infrastructure;
using ArtGallery.Web.Training;
using Microsoft.Extensions.DependencyInjection;
using static ArtGallery.Web.Tests.Infrastructure.TrainingApiClient;

namespace ArtGallery.Web.Tests.Training;

/// <summary>A run's LiteDB record is written when its status changes and at checkpoints, never per progress report.</summary>
[Collection("Sequential")]
public sealed class TrainingRecordTests(TinyModel model) : IAsyncLifetime
{
    private readonly AppFactory app = new(AppFactory.NewDataDirectory(), model.ModelPath);

    [Trait("Category","Slow")]
    [Fact]
    public async Task RunRecord_WrittenOnStatusChangesAndCheckpointsOnly_NotPerProgressReport()
    {
        var db = app.Services.GetRequiredService<ArtGalleryDatabase>();
        var admin = await Session.AdminAsync(app);
        await StartAsync(admin, kimgPerPhase: 20, minutes: 3); // the first checkpoint is 20 kimg away: minutes
        var running = await WaitForAsync(admin, s => s.Status == JobStatus.Running && s.Kimg > 0.3);

        // Several progress reports later the record still holds what the start wrote.
        var record = db.FindRun(running.RunId!)!;
        Assert.Equal(JobStatus.Running, record.Status);
        Assert.Equal(0, record.Kimg);
        Assert.Equal("", record.Phase);

        // A pause is a status change (and ends with a checkpoint): now it is written, with where the run got to.
        await admin.PostAsync("/api/training/pause", null);
        var paused = await WaitForAsync(admin, s => s.Status == JobStatus.Paused);
        record = db.FindRun(running.RunId!)!;
        Assert.Equal(JobStatus.Paused, record.Status);
        Assert.True(record.Kimg >= running.Kimg, $"stored {record.Kimg} kimg, the run had reached {running.Kimg}");
        Assert.Equal(paused.Kimg, record.Kimg, 6);
        Assert.NotEqual("", record.Phase);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await app.DisposeAsync();
}
