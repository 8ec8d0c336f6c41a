using System.Globalization;
using ArtGallery.Imaging;
using ArtGallery.Web.Rendering;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ArtGallery.Web.Api;

/// <summary>GET /api/artworks/{model}/{seed}.png and /print: validated input, 400/404 ProblemDetails, never 500 for bad values.</summary>
public static partial class ArtworksApi
{
    /// <summary>Longest query string accepted by these endpoints.</summary>
    public const int MaxQueryLength = 1024;

    /// <summary>Highest print candidate (0 is the artwork itself).</summary>
    public const int MaxCandidate = 7;

    /// <summary>Maps the artwork endpoints.</summary>
    public static IEndpointRouteBuilder MapArtworksApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/artworks");
        group.MapMethods("/{model}/{seed}.png", [HttpMethods.Get, HttpMethods.Head], GetPng); // HEAD: same answer, no body
        group.MapGet("/{model}/{seed}/print", GetPrint);
        app.MapGet("/api/prints/{id}", GetPrintJob);
        return app;
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetPng(
        HttpContext http, string model, string seed, ModelCatalog catalog, ModelCollections collections, IArtRenderer renderer, CancellationToken cancel)
    {
        var q = http.Request.Query;
        var parsed = await ParseAsync(http, model, seed, catalog, collections, new PrintQuery(
            Trunc: q["trunc"].ToString(), Edits: q["edits"].ToString(), Mix: q["mix"].ToString(), Like: q["like"].ToString(), Palette: q["palette"].ToString()), cancel);
        if (parsed.Problem is { } p) return p;
        string view = http.Request.Query["view"].ToString();
        if (view is not ("" or "large")) return Bad("view must be 'large' (4x the model's size through its detail model) or absent.");
        bool large = view == "large";
        if (!Int("size", 0, http.Request.Query, out int side, out var sizeError)) return Bad(sizeError);
        if (side != 0 && (large || side is < ArtworkRequest.MinDisplaySide or > ArtworkRequest.MaxDisplaySide))
            return Bad(large ? "Use either view=large or size, not both."
                : $"size must be {ArtworkRequest.MinDisplaySide}..{ArtworkRequest.MaxDisplaySide} (pixels of the square picture).");
        // A print candidate (the print dialog's thumbnails), shown at a display size.
        if (!Int("candidate", 0, http.Request.Query, out int candidate, out var candidateError) || candidate is < 0 or > MaxCandidate || (candidate != 0 && side == 0))
            return Bad(candidateError ?? $"candidate must be 0..{MaxCandidate}, with a size (e.g. size=256&candidate=2).");
        byte[] png;
        try
        {
            png = large ? await renderer.LargePngAsync(parsed.Request!, cancel)
                : side != 0 ? await renderer.DisplayPngAsync(parsed.Request!, side, candidate, cancel)
                : await renderer.PngAsync(parsed.Request!, cancel);
        }
        catch (QueueFullException ex) { return Busy(http, ex, retryAfterSeconds: 5); }
        catch (DirectionsUnavailableException ex) { return Unavailable(ex); }
        catch (Exception ex) when (ex is InvalidDataException or IOException) { return Unloadable(http, parsed.Request!, ex); }
        // Same URL, same picture: safe to cache hard for a concrete model id.
        if (!string.Equals(model, ModelCatalog.ActiveAlias, StringComparison.OrdinalIgnoreCase))
            http.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
        return TypedResults.File(png, "image/png");
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetPrint(
        HttpContext http, string model, string seed, [AsParameters] PrintQuery query, ModelCatalog catalog, ModelCollections collections,
        IArtRenderer renderer, Microsoft.Extensions.Options.IOptions<Infrastructure.ArtGalleryOptions> options, CancellationToken cancel)
    {
        var parsed = await ParseAsync(http, model, seed, catalog, collections, query, cancel);
        if (parsed.Problem is { } p) return p;
        if (!query.TryRead(options.Value.MaxPrintPixels, out var choice, out var error)) return Bad(error);
        try
        {
            var png = await renderer.PrintAsync(parsed.Request!, choice!.Spec, choice.Crop, choice.Candidate, choice.Upscaler, cancel);
            return TypedResults.File(png, "image/png", choice.FileName(parsed.Request!));
        }
        catch (QueueFullException ex)
        {
            return Busy(http, ex, retryAfterSeconds: 60);
        }
        catch (DirectionsUnavailableException ex)
        {
            return Unavailable(ex);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException)
        {
            return Unloadable(http, parsed.Request!, ex);
        }
    }

    // A print the dialog rendered with progress (PrintJobs): waits for it to finish, then sends it as a download.
    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetPrintJob(HttpContext http, string id, PrintJobs jobs, CancellationToken cancel)
    {
        if (jobs.Find(id) is not { } job)
            return TypedResults.Problem("This print is not here any more: prints wait 10 minutes for their download. Open the print dialog again.",
                statusCode: StatusCodes.Status404NotFound, title: "Print not found");
        try { return TypedResults.File(await job.Completion.WaitAsync(cancel), "image/png", job.FileName); }
        catch (QueueFullException ex) { return Busy(http, ex, retryAfterSeconds: 60); }
    }

    private sealed record Parsed(ArtworkRequest? Request, ProblemHttpResult? Problem);

    // The artwork's own parameters (the PNG endpoint reads them from the same record the print endpoint binds). A condition
    // the model cannot draw is refused here, before the renderer and its cache see the request.
    private static async Task<Parsed> ParseAsync(HttpContext http, string model, string seedText, ModelCatalog catalog, ModelCollections collections,
        PrintQuery q, CancellationToken cancel)
    {
        if (http.Request.QueryString.Value?.Length > MaxQueryLength) return new(null, Bad($"The query string is longer than {MaxQueryLength} characters."));
        if (!long.TryParse(seedText, NumberStyles.Integer, CultureInfo.InvariantCulture, out long seed))
            return new(null, Bad($"seed must be an integer 0..{ArtworkRequest.MaxSeed}."));
        var request = ArtworkParser.Parse(catalog, model, seed, q.Trunc, q.Edits, q.Mix, q.Like, q.Palette, out var error, out bool unknown);
        if (request is null)
            return new(null, unknown ? TypedResults.Problem(error, statusCode: StatusCodes.Status404NotFound, title: "Model not found") : Bad(error));
        try
        {
            if (await collections.ProblemWithAsync(request.ModelId, request.Condition, cancel) is { } problem) return new(null, Bad(problem));
        }
        catch (QueueFullException ex) { return new(null, Busy(http, ex, retryAfterSeconds: 5)); }
        catch (Exception ex) when (ex is InvalidDataException or IOException) { return new(null, Unloadable(http, request, ex)); }
        return new(request, null);
    }

    private static bool Int(string name, int fallback, IQueryCollection q, out int value, out string? error)
    {
        value = fallback;
        error = null;
        var text = q[name].ToString();
        if (text.Length == 0) return true;
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value)) return true;
        error = $"{name} must be an integer.";
        return false;
    }

    private static ProblemHttpResult Busy(HttpContext http, QueueFullException ex, int retryAfterSeconds)
    {
        http.Response.Headers.RetryAfter = retryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        return TypedResults.Problem(ex.Message, statusCode: StatusCodes.Status429TooManyRequests, title: ex.Title);
    }

    private static ProblemHttpResult Unavailable(DirectionsUnavailableException ex) =>
        TypedResults.Problem(ex.Message, statusCode: StatusCodes.Status422UnprocessableEntity, title: "Edits unavailable");

    // A registered model whose file is gone or damaged: the server's problem, but a clear one, not an unhandled 500.
    // The details (paths of the data folder) go to the log for the admin, never to an anonymous client.
    private static ProblemHttpResult Unloadable(HttpContext http, ArtworkRequest request, Exception ex)
    {
        LogUnloadable(http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("ArtGallery.Rendering"), ex, request.ModelId);
        return TypedResults.Problem($"Model '{request.ModelId}' could not be loaded: its file is missing or damaged (details in the server log).",
            statusCode: StatusCodes.Status503ServiceUnavailable, title: "Model unavailable");
    }

    private static ProblemHttpResult Bad(string? message) =>
        TypedResults.Problem(message ?? "Invalid request.", statusCode: StatusCodes.Status400BadRequest, title: "Invalid artwork request");

    [LoggerMessage(Level = LogLevel.Error, Message = "Model {Model} could not be loaded")]
    private static partial void LogUnloadable(ILogger logger, Exception ex, string model);
}
