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

        // A second service (same dependencies) whose loop ends at once: started with a cancelled token, never stopped.
        var dead = ActivatorUtilities.CreateInstance<TrainingService>(app.Services);
        await dead.StartAsync(new CancellationToken(canceled: true));
        await dead.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(30));
        var result = await new TrainingHealthCheck(dead).CheckHealthAsync(context);
        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Contains("command loop", result.Description);
    }
}
