using ArtGallery.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace ArtGallery.Web.Training;

/// <summary>Live training feed at /hubs/training; admins only (negotiation and every method are authorized).</summary>
[Authorize(Roles = Roles.Admin)]
public sealed class TrainingHub(TrainingState state, DetailJobs.DetailTrainingState detail) : Hub<ITrainingClient>
{
    /// <summary>Route of the hub.</summary>
    public const string Route = "/hubs/training";

    /// <summary>The latest progress, so a client that connects mid-run sees where it is.</summary>
    public TrainingProgressDto? Current() => state.Current;

    /// <summary>Recent sample grids, oldest first.</summary>
    public IReadOnlyList<SampleDto> Timeline() => state.Samples;

    /// <summary>The detail job's latest progress (null before the first).</summary>
    public DetailJobs.DetailProgressDto? CurrentDetail() => detail.Current;
}
