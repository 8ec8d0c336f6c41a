using ArtGallery.Web.Training;
using ArtGallery.Web.Training.DetailJobs;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ArtGallery.Web.Api;

/// <summary>Admin-only detail training: start one for a run or model, its status, its sample strips (under /api/training).</summary>
public static class DetailTrainingApi
{
    /// <summary>Maps /detail, /detail/samples/{file} on the training group.</summary>
    public static RouteGroupBuilder MapDetailTraining(this RouteGroupBuilder group)
    {
        group.MapPost("/detail", Start);
        group.MapGet("/detail", (JobMonitor monitor) => TypedResults.Ok(monitor.Read(m =>
            new { m.Detail.Current, m.Detail.LastSample, m.Detail.Message, IsBusy = m.Job == JobKind.Detail })));
        group.MapGet("/detail/samples/{file}", Sample);
        return group;
    }

    // Checked here too (the service checks again when it runs the command): a bad request gets its answer at once.
    private static Results<Accepted, ProblemHttpResult> Start(DetailTrainingRequest request, TrainingService training, DetailTargets targets)
    {
        try { targets.Plan(request); }
        catch (ArgumentException e) { return TypedResults.Problem(e.Message, statusCode: StatusCodes.Status400BadRequest, title: "Invalid detail training request"); }
        catch (InvalidOperationException e) { return TypedResults.Problem(e.Message, statusCode: StatusCodes.Status409Conflict, title: "Cannot train a detail model now"); }
        if (training.BusyReason is { } busy) return TypedResults.Problem(busy, statusCode: StatusCodes.Status409Conflict, title: "Training is busy");
        return training.Send(new TrainingCommand.Detail(request.Copy())) ? TypedResults.Accepted("/api/training/detail")
            : TypedResults.Problem("Too many commands queued; try again.", statusCode: StatusCodes.Status429TooManyRequests);
    }

    private static Results<PhysicalFileHttpResult, NotFound> Sample(string file, DetailTargets targets)
    {
        // Names are the worker's own (strip-0000050.png): anything else, or any path trick, is simply not found.
        if (file.Length > 40 || !file.StartsWith("strip-", StringComparison.Ordinal) || !file.EndsWith(".png", StringComparison.Ordinal)
            || !file.AsSpan(6, file.Length - 10).ToString().All(char.IsAsciiDigit)) return TypedResults.NotFound();
        var path = Path.Combine(targets.SamplesFolder, file);
        return File.Exists(path) ? TypedResults.PhysicalFile(path, "image/png") : TypedResults.NotFound();
    }
}
