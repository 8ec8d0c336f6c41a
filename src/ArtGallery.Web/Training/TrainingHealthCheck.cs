using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ArtGallery.Web.Training;

/// <summary>/health: unhealthy when the training command loop has died (commands would queue and never run),
/// degraded while one command has waited for a run far longer than a checkpoint takes.</summary>
public sealed class TrainingHealthCheck(TrainingService training) : IHealthCheck
{
    /// <summary>How long a command (a Pause waiting for the run's checkpoint) may take before the service counts as stuck.</summary>
    public static readonly TimeSpan StuckAfter = TimeSpan.FromMinutes(10);

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!training.CommandLoopAlive)
        {
            var failure = training.ExecuteTask?.Exception?.GetBaseException();
            return Task.FromResult(HealthCheckResult.Unhealthy("The training command loop has stopped.", failure));
        }
        if (training.HandlingSince is { } since && DateTime.UtcNow - since > StuckAfter)
            return Task.FromResult(HealthCheckResult.Degraded($"A training command has been waiting since {since:u}."));
        return Task.FromResult(HealthCheckResult.Healthy());
    }
}
