using ArtGallery.Web.Tests.Infrastructure;
using ArtGallery.Web.Training;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ArtGallery.Web.Tests.Training;

[Collection("Sequential")]
public sealed class TrainingHealthCheckTests(TinyModel model)
{
    [Fact]
    public async Task CommandLoopEnded_WithoutHostStop_Unhealthy_WhileTheHostsOwnIsHealthy()
    {
        await using var app = new AppFactory(AppFactory.NewDataDirectory(), model.ModelPath);
        var context = new HealthCheckContext();
        var hosted = app.Services.GetRequiredService<TrainingService>();
        Assert.Equal(HealthStatus.Healthy, (await new TrainingHealthCheck(hosted).CheckHealthAsync(context)).Status);

        // A second service (same dependencies) whose loop ends without StopAsync: its start token is cancelled (linked
        // to the loop's stopping token), as a loop that dies on its own would look.
        var dead = ActivatorUtilities.CreateInstance<TrainingService>(app.Services);
        using var start = new CancellationTokenSource();
        await dead.StartAsync(start.Token);
        Assert.Equal(HealthStatus.Healthy, (await new TrainingHealthCheck(dead).CheckHealthAsync(context)).Status);
        start.Cancel();
        // The loop's task ends completed or cancelled (the runtime may cancel it before it ran); either way it is over.
        await Task.WhenAny(dead.ExecuteTask!, Task.Delay(TimeSpan.FromSeconds(30)));
        Assert.True(dead.ExecuteTask!.IsCompleted, "the loop did not end within 30 s");
        var result = await new TrainingHealthCheck(dead).CheckHealthAsync(context);
        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Contains("command loop", result.Description);
    }
}
