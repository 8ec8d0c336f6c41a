using ArtGallery.Web.Rendering;
using Microsoft.AspNetCore.Http.HttpResults;
using ArtGallery.Web.Accounts;

namespace ArtGallery.Web.Api;

/// <summary>A model as listed by GET /api/models.</summary>
public sealed record ModelDto(string Id, int Resolution, string Source, DateTime Created, bool Active);

/// <summary>The answer to a model switch: the model now active and the one before it (what an undo makes active again).</summary>
public sealed record ModelSwitchDto(string Active, string? Previous);

/// <summary>GET /api/models; POST /api/models/{id|default}/activate (admins) makes any listed model, or the bundled default, active.</summary>
public static class ModelsApi
{
    /// <summary>Maps the model list and activation.</summary>
    public static IEndpointRouteBuilder MapModelsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/models");
        group.MapGet("/", (ModelCatalog catalog) =>
            TypedResults.Ok(catalog.All().Select(m => new ModelDto(m.Id, m.Resolution, m.Source, m.Created, m.Active)).ToList()));
        group.MapPost("/{id}/activate", Activate).RequireAuthorization(AdminPolicy.Name);
        group.MapCollectionApi();
        return app;
    }

    private static async Task<Results<Ok<ModelSwitchDto>, ProblemHttpResult>> Activate(
        string id, ModelCatalog catalog, DefaultModelRegistrar bundled, CancellationToken cancel)
    {
        var previous = catalog.Active?.Id;
        if (string.Equals(id, DefaultModelRegistrar.Alias, StringComparison.OrdinalIgnoreCase))
        {
            try { return TypedResults.Ok(new ModelSwitchDto(await bundled.RegisterAsync(makeActive: true, cancel), previous)); }
            catch (Exception ex) when (ex is IOException or InvalidDataException or ArgumentException or InvalidOperationException)
            {
                return TypedResults.Problem($"The bundled default model cannot be made active: {ex.Message}",
                    statusCode: StatusCodes.Status503ServiceUnavailable, title: "Bundled model unavailable");
            }
        }
        if (catalog.Resolve(id) is not { } model || string.Equals(id, ModelCatalog.ActiveAlias, StringComparison.OrdinalIgnoreCase))
            return TypedResults.Problem($"There is no model '{(id.Length > 64 ? id[..64] + "..." : id)}'. GET /api/models lists them; 'default' is the bundled one.",
                statusCode: StatusCodes.Status404NotFound, title: "Model not found");
        catalog.Activate(model.Id);
        return TypedResults.Ok(new ModelSwitchDto(model.Id, previous));
    }
}
