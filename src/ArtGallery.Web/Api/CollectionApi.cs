using System.Globalization;
using ArtGallery.Web.Rendering;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ArtGallery.Web.Api;

/// <summary>One collection picture as <c>GET /api/models/{model}/collection</c> lists it: its index (what <c>like=</c> takes)
/// and its dominant colours, dark to light, as upper-case "RRGGBB" (join them with '-' for <c>palette=</c>).</summary>
public sealed record CollectionPictureDto(int Index, IReadOnlyList<string> Palette, string ThumbnailUrl);

/// <summary>
/// A conditioned model's collection (issue 21): <c>GET /api/models/{model|active}/collection</c> and
/// <c>GET /api/models/{model|active}/collection/{N}.png</c> (the 32 px thumbnail the model carries). A model trained
/// without conditions has no collection: 404 with the reason in words.
/// </summary>
public static class CollectionApi
{
    /// <summary>Maps the collection endpoints onto /api/models.</summary>
    public static RouteGroupBuilder MapCollectionApi(this RouteGroupBuilder models)
    {
        models.MapGet("/{model}/collection", List);
        models.MapGet("/{model}/collection/{index}.png", Thumbnail);
        return models;
    }

    private static async Task<Results<Ok<List<CollectionPictureDto>>, ProblemHttpResult>> List(
        string model, HttpContext http, ModelCatalog catalog, ModelCollections collections, CancellationToken cancel)
    {
        if (await Conditioned(model, catalog, collections, cancel) is { Problem: { } problem }) return problem;
        var id = catalog.Resolve(model)!.Id;
        var pictures = await collections.PicturesAsync(id, cancel);
        Cache(http, model);
        return TypedResults.Ok(pictures.Select(p => new CollectionPictureDto(p.Index, p.Palette, ThumbnailUrl(id, p.Index))).ToList());
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Thumbnail(
        string model, string index, HttpContext http, ModelCatalog catalog, ModelCollections collections, CancellationToken cancel)
    {
        if (!int.TryParse(index, NumberStyles.None, CultureInfo.InvariantCulture, out int n))
            return TypedResults.Problem("N must be a collection index: an integer 0 or more.", statusCode: StatusCodes.Status400BadRequest, title: "Invalid collection index");
        var (count, problem) = await Conditioned(model, catalog, collections, cancel);
        if (problem is not null) return problem;
        if (n >= count || await collections.ThumbnailPngAsync(catalog.Resolve(model)!.Id, n, cancel) is not { } png)
            return TypedResults.Problem(string.Create(CultureInfo.InvariantCulture, $"The collection has pictures 0..{count - 1}; there is no picture {n}."),
                statusCode: StatusCodes.Status404NotFound, title: "No such collection picture");
        Cache(http, model);
        return TypedResults.File(png, "image/png");
    }

    /// <summary>URL of a collection picture's thumbnail.</summary>
    public static string ThumbnailUrl(string modelId, int index) =>
        string.Create(CultureInfo.InvariantCulture, $"/api/models/{Uri.EscapeDataString(modelId)}/collection/{index}.png");

    // The collection's size, or the 404 saying why there is none.
    private static async Task<(int Count, ProblemHttpResult? Problem)> Conditioned(string model, ModelCatalog catalog, ModelCollections collections, CancellationToken cancel)
    {
        if (catalog.Resolve(model) is not { } record)
            return (0, TypedResults.Problem($"Unknown model '{(model.Length > 64 ? model[..64] + "..." : model)}'. GET /api/models lists the models.",
                statusCode: StatusCodes.Status404NotFound, title: "Model not found"));
        try
        {
            return await collections.CountAsync(record.Id, cancel) is { } count ? (count, null)
                : (0, TypedResults.Problem($"Model '{record.Id}' was trained without conditions (not with the 'conditioned' recipe), so it carries "
                    + "no collection to list or draw around.", statusCode: StatusCodes.Status404NotFound, title: "No collection"));
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException)
        {
            return (0, TypedResults.Problem($"Model '{record.Id}' could not be loaded: its file is missing or damaged.",
                statusCode: StatusCodes.Status503ServiceUnavailable, title: "Model unavailable"));
        }
    }

    // A concrete model id names fixed content; "active" may change.
    private static void Cache(HttpContext http, string model)
    {
        if (!string.Equals(model, ModelCatalog.ActiveAlias, StringComparison.OrdinalIgnoreCase))
            http.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
    }
}
