using ArtGallery.Web.Rendering;

namespace ArtGallery.Web.Api;

/// <summary>A model as listed by GET /api/models.</summary>
public sealed record ModelDto(string Id, int Resolution, string Source, DateTime Created, bool Active);

/// <summary>GET /api/models.</summary>
public static class ModelsApi
{
    /// <summary>Maps the model list.</summary>
    public static IEndpointRouteBuilder MapModelsApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/models").MapGet("/", (ModelCatalog catalog) =>
            TypedResults.Ok(catalog.All().Select(m => new ModelDto(m.Id, m.Resolution, m.Source, m.Created, m.Active)).ToList()));
        return app;
    }
}
