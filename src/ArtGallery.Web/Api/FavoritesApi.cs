using ArtGallery.Data;
using ArtGallery.Web.Accounts;
using ArtGallery.Web.Rendering;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ArtGallery.Web.Api;

/// <summary>A favorite as returned by the API.</summary>
public sealed record FavoriteDto(int Id, string ModelId, long Seed, float Truncation, string Edits, string ImageUrl, string Mix = "",
    int? Like = null, string? Palette = null);

/// <summary>Signed-in users' favorites over HTTP (used by scripts and tests; pages use FavoritesService). The list is paged:
/// <c>GET /api/favorites?offset=N&amp;limit=M</c> (M at most 500).</summary>
public static class FavoritesApi
{
    /// <summary>Maps /api/favorites.</summary>
    public static IEndpointRouteBuilder MapFavoritesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/favorites").RequireAuthorization();
        group.MapGet("/", List);
        group.MapPost("/{model}/{seed:long}", Add);
        group.MapDelete("/{id:int}", Results<NoContent, NotFound> (int id, HttpContext http, ArtGalleryDatabase db) =>
            db.RemoveFavorite(AccountService.UserId(http.User)!.Value, id) ? TypedResults.NoContent() : TypedResults.NotFound());
        return app;
    }

    /// <summary>Largest page of <c>GET /api/favorites</c> (and the default).</summary>
    public const int MaxPage = 500;

    // One page, newest first; X-Total-Count says how many there are and a Link header (rel="next") where the next page is.
    private static Results<Ok<List<FavoriteDto>>, ProblemHttpResult> List(HttpContext http, ArtGalleryDatabase db, string? offset, string? limit)
    {
        if (!Count(offset, 0, int.MaxValue, out int skip)) return TypedResults.Problem("offset must be an integer 0 or more (favorites to skip, newest first).", statusCode: 400);
        if (!Count(limit, MaxPage, MaxPage, out int take) || take < 1) return TypedResults.Problem($"limit must be an integer 1..{MaxPage}.", statusCode: 400);
        int user = AccountService.UserId(http.User)!.Value, total = db.FavoriteCount(user);
        var page = db.FavoritesOf(user, skip, take).Select(ToDto).ToList();
        http.Response.Headers["X-Total-Count"] = total.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if ((long)skip + page.Count < total) http.Response.Headers.Link = $"</api/favorites?offset={skip + page.Count}&limit={take}>; rel=\"next\"";
        return TypedResults.Ok(page);
    }

    private static bool Count(string? text, int fallback, int max, out int value)
    {
        value = fallback;
        if (string.IsNullOrEmpty(text)) return true;
        return int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out value) && value <= max;
    }

    private static async Task<Results<Ok<FavoriteDto>, ProblemHttpResult>> Add(string model, long seed, float? trunc, string? edits, string? mix,
        string? like, string? palette, HttpContext http, ArtGalleryDatabase db, ModelCatalog catalog, ModelCollections collections, CancellationToken cancel)
    {
        if (!ArtworkMix.TryParse(mix, out var parsedMix, out var mixError)) return TypedResults.Problem(mixError, statusCode: 400);
        if (!ArtworkRequest.TryValidate(seed, trunc ?? 1f, out var error)) return TypedResults.Problem(error, statusCode: 400);
        if (!ArtworkEdits.TryParse(edits, out var parsed, out var editError)) return TypedResults.Problem(editError, statusCode: 400);
        if (!ArtworkCondition.TryParse(like, palette, out var condition, out var conditionError)) return TypedResults.Problem(conditionError, statusCode: 400);
        if (catalog.Resolve(model) is not { } record) return TypedResults.Problem($"Unknown model '{model[..Math.Min(64, model.Length)]}'.", statusCode: 404);
        try
        {
            if (await collections.ProblemWithAsync(record.Id, condition, cancel) is { } problem) return TypedResults.Problem(problem, statusCode: 400);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException)
        {
            return TypedResults.Problem($"Model '{record.Id}' could not be loaded to check like/palette: its file is missing or damaged.", statusCode: 503);
        }
        // Stored in canonical form: the favorite links to exactly the picture it saved.
        var request = new ArtworkRequest(record.Id, seed, trunc ?? 1f, parsed) { Mix = parsedMix, Condition = condition };
        var f = db.AddFavorite(AccountService.UserId(http.User)!.Value, request.ModelId, request.Seed, request.Truncation, request.Edits.Canonical,
            request.Mix?.Canonical ?? "", request.Condition?.Canonical ?? "");
        return TypedResults.Ok(ToDto(f));
    }

    private static FavoriteDto ToDto(FavoriteRecord f)
    {
        var artwork = Favorites.FavoritesService.ToFavorite(f).Artwork;
        return new(f.Id, f.ModelId, f.Seed, f.Truncation, f.Edits, artwork.ImageUrl, f.Mix, artwork.Condition?.Like, artwork.Condition?.Palette);
    }
}
