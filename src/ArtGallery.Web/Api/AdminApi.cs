using ArtGallery.Contracts;
using ArtGallery.Web.Backups;
using ArtGallery.Web.Rendering;
using ArtGallery.Web.Training;
using Microsoft.AspNetCore.Http.HttpResults;
using ArtGallery.Web.Accounts;

namespace ArtGallery.Web.Api;

/// <summary>Process and memory figures for soak runs (dotnet-counters is not available here).</summary>
public sealed record DiagnosticsDto(
    double UptimeSeconds, long WorkingSetBytes, long PeakWorkingSetBytes, long ManagedHeapBytes, long GcHeapSizeBytes,
    long GcCommittedBytes, long GcFragmentedBytes, int Gen0Collections, int Gen1Collections, int Gen2Collections, int Threads,
    int RenderQueuePending, int PrintsInFlight, long RenderCacheBytes, long RenderCacheEntries, JobStatus TrainingStatus, double? Kimg,
    int LargeViewsInFlight);

/// <summary>Admin-only back-ups (POST makes one, GET lists and downloads, DELETE removes one) and diagnostics.</summary>
public static class AdminApi
{
    /// <summary>Maps /api/admin/*.</summary>
    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/admin").RequireAuthorization(AdminPolicy.Name);
        group.MapPost("/backup", Backup);
        group.MapGet("/backups", (BackupService backups) => TypedResults.Ok(backups.All()));
        group.MapGet("/backups/{name}", Results<PhysicalFileHttpResult, NotFound> (string name, BackupService backups) =>
            backups.PathOf(name) is { } path ? TypedResults.PhysicalFile(path, "application/zip", name) : TypedResults.NotFound());
        group.MapDelete("/backups/{name}", Results<NoContent, NotFound> (string name, BackupService backups) =>
            backups.Delete(name) ? TypedResults.NoContent() : TypedResults.NotFound());
        group.MapGet("/diagnostics", (RenderQueue renders, PrintQueue prints, LargeViewQueue largeViews, ArtRenderer renderer, JobMonitor training) =>
            TypedResults.Ok(Diagnostics(renders, prints, largeViews, renderer, training)));
        return app;
    }

    private static async Task<Results<Created<BackupDto>, ProblemHttpResult>> Backup(BackupService backups, CancellationToken cancel)
    {
        try
        {
            return await backups.CreateAsync(cancel) is { } made ? TypedResults.Created(made.Url, made)
                : TypedResults.Problem("A back-up is already being made; try again when it is done.", statusCode: StatusCodes.Status409Conflict);
        }
        catch (BackupSpaceException e)
        {
            return TypedResults.Problem(e.Message, statusCode: StatusCodes.Status507InsufficientStorage, title: "Not enough disk space");
        }
    }

    private static DiagnosticsDto Diagnostics(RenderQueue renders, PrintQueue prints, LargeViewQueue largeViews, ArtRenderer renderer, JobMonitor training)
    {
        using var self = System.Diagnostics.Process.GetCurrentProcess();
        var gc = GC.GetGCMemoryInfo();
        var (cacheBytes, cacheEntries) = renderer.CacheSize;
        return new DiagnosticsDto(
            (DateTime.Now - self.StartTime).TotalSeconds, self.WorkingSet64, self.PeakWorkingSet64, GC.GetTotalMemory(false), gc.HeapSizeBytes,
            gc.TotalCommittedBytes, gc.FragmentedBytes, GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), self.Threads.Count,
            renders.Pending, prints.InFlight, cacheBytes, cacheEntries, training.Run.Status, training.Run.Current?.Kimg, largeViews.InFlight);
    }
}
