using ArtGallery.Data;
using Microsoft.AspNetCore.SignalR;

namespace ArtGallery.Web.Training.Jobs;

/// <summary>Everything a job writes to, handed to it explicitly: the monitor pages and the status APIs read, the training hub
/// (clients outside the app), the LiteDB store (a run's record) and the training log.</summary>
public sealed partial class JobSink(JobMonitor monitor, IHubContext<TrainingHub, ITrainingClient> hub, ArtGalleryDatabase store, ILogger log)
{
    /// <summary>The live view pages and the status APIs read.</summary>
    public JobMonitor Monitor => monitor;

    /// <summary>The run records.</summary>
    public ArtGalleryDatabase Store => store;

    /// <summary>The training log.</summary>
    public ILogger Log => log;

    /// <summary>Sends to every hub client without waiting; a failed send is logged, never thrown into the job.</summary>
    public void Push(Func<ITrainingClient, Task> send) => _ = PushAsync(send);

    private async Task PushAsync(Func<ITrainingClient, Task> send)
    {
        try { await send(hub.Clients.All); }
        catch (Exception ex) { LogPushFailed(log, ex); }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pushing training progress to the hub failed")]
    private static partial void LogPushFailed(ILogger logger, Exception ex);
}
