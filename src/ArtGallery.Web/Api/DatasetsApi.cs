using ArtGallery.Web.Datasets;
using Microsoft.AspNetCore.Http.HttpResults;
using ArtGallery.Web.Accounts;

namespace ArtGallery.Web.Api;

/// <summary>Admin-only dataset thumbnails.</summary>
public static class DatasetsApi
{
    /// <summary>Maps GET /api/datasets/{id}/thumbs/{index}.png.</summary>
    public static IEndpointRouteBuilder MapDatasetsApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/datasets").RequireAuthorization(AdminPolicy.Name)
            .MapGet("/{id}/thumbs/{index:int}.png", Results<FileContentHttpResult, NotFound> (string id, int index, DatasetService datasets) =>
                id.Length <= 64 && datasets.Thumbnail(id, index) is { } png ? TypedResults.File(png, "image/png") : TypedResults.NotFound());
        return app;
    }
}
