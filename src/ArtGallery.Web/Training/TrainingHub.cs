using ArtGallery.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace ArtGallery.Web.Training;

/// <summary>The live training feed at /hubs/training for clients outside the app (the admin page reads the
/// <see cref="JobMonitor"/> in process): admins only, negotiation and every method authorized. Jobs push through their
/// <see cref="Jobs.JobSink"/>; a client that connects mid-run asks for where it is.</summary>
[Authorize(Roles = Roles.Admin)]
public sealed class TrainingHub(JobMonitor monitor) : Hub<ITrainingClient>
{
    /// <summary>Route of the hub.</summary>
    public const string Route = "/hubs/training";

    /// <summary>The current run's latest progress (null before the first run).</summary>
    public TrainingProgressDto? Current() => monitor.Run.Current;

    /// <summary>The current run's recent sample grids, oldest first.</summary>
    public IReadOnlyList<SampleDto> Timeline() => monitor.Run.Samples;

    /// <summary>The detail job's latest progress (null before the first).</summary>
    public DetailJobs.DetailProgressDto? CurrentDetail() => monitor.Detail.Current;
}
