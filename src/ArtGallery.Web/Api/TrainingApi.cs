using ArtGallery.Data;
using ArtGallery.Imaging;
using ArtGallery.Web.Training;
using Microsoft.AspNetCore.Http.HttpResults;
using ArtGallery.Web.Accounts;

namespace ArtGallery.Web.Api;

/// <summary>Admin-only training endpoints: status, commands, sample grids.</summary>
public static class TrainingApi
{
    /// <summary>Maps /api/training/*.</summary>
    public static IEndpointRouteBuilder MapTrainingApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/training").RequireAuthorization(AdminPolicy.Name);
        group.MapGet("/status", (JobMonitor monitor) => TypedResults.Ok(monitor.Read(m => new { m.Run.Status, m.Run.RunId, m.Run.Message, m.Run.Current })));
        group.MapGet("/runs", (ArtGalleryDatabase db) => TypedResults.Ok(db.AllRuns()));
        group.MapPost("/start", Start);
        group.MapPost("/pause", (TrainingService training) => Send(training, new TrainingCommand.Pause()));
        group.MapPost("/stop", (TrainingService training) => Send(training, new TrainingCommand.Stop()));
        group.MapPost("/resume/{runId}", Results<Accepted, ProblemHttpResult> (string runId, TrainingService training, ArtGalleryDatabase db) =>
            SafeName.IsValid(runId) && db.FindRun(runId) is not null ? Send(training, new TrainingCommand.Resume(runId))
                : TypedResults.Problem("Unknown run.", statusCode: StatusCodes.Status404NotFound, title: "Run not found"));
        group.MapGet("/runs/{runId}/samples/{file}", Sample);
        group.MapPost("/runs/{runId}/activate", Activate);
        group.MapDetailTraining();
        return app;
    }

    private static Results<Accepted, ProblemHttpResult> Start(TrainingRequest request, TrainingService training, RunPlanner planner, RunsService runs)
    {
        if (planner.Problem(request) is { } problem) return TypedResults.Problem(problem, statusCode: 400, title: "Invalid training request");
        // "fitToBudget": true picks the kimg per phase that ends the schedule within the minutes, from this machine's speed.
        if (Training.Budget.TrainingPlan.Fit(request, runs.Speeds()) is { } tooShort) return TypedResults.Problem(tooShort, statusCode: 400, title: "Budget too short");
        return Send(training, new TrainingCommand.Start(request));
    }

    private static Results<Accepted, ProblemHttpResult> Send(TrainingService training, TrainingCommand command) =>
        training.Send(command) ? TypedResults.Accepted("/api/training/status")
            : TypedResults.Problem("Too many commands queued; try again.", statusCode: StatusCodes.Status429TooManyRequests);

    private static async Task<Results<Ok<string>, NotFound>> Activate(string runId, RunFolders folders, Rendering.ModelActivator activator)
    {
        // Latest readable checkpoint of the run: the one a gallery should show.
        var latest = SafeName.IsValid(runId) ? Gan.Checkpoints.CheckpointStore.List(folders.For(runId).Path).FirstOrDefault() : null;
        if (latest is null) return TypedResults.NotFound();
        return TypedResults.Ok(await activator.ActivateAsync(runId, latest));
    }

    private static Results<PhysicalFileHttpResult, NotFound> Sample(string runId, string file, RunFolders folders)
    {
        // Names are the app's own (run-..., grid-000001.png): anything else, or any path trick, is simply not found.
        if (!SafeName.IsValid(runId) || !SafeName.IsValid(file) || !file.EndsWith(".png", StringComparison.Ordinal)) return TypedResults.NotFound();
        var path = folders.For(runId).SampleGridFile(file);
        return path is not null ? TypedResults.PhysicalFile(path, "image/png") : TypedResults.NotFound();
    }
}
