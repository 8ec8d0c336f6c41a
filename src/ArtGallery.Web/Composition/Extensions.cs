using ArtGallery.Data;
using ArtGallery.Web.Infrastructure;
using ArtGallery.Web.Accounts;
using ArtGallery.Web.Backups;
using ArtGallery.Web.Datasets;
using ArtGallery.Web.Rendering;
using ArtGallery.Web.Training;
using Microsoft.AspNetCore.DataProtection;
using MudBlazor.Services;

namespace ArtGallery.Web.Composition;

/// <summary>Registers each area of the app (eShop style: Program.cs stays a list of these calls).</summary>
public static class Extensions
{
    private const System.Text.Json.Serialization.JsonNumberHandling NamedFloats = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals;

    /// <summary>Options (validated at start), data folder and the one LiteDB instance.</summary>
    public static WebApplicationBuilder AddArtGalleryData(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ArtGalleryOptions>().BindConfiguration(ArtGalleryOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.AddForwardedProxies();
        builder.Services.AddSingleton<DataPaths>();
        // First hosted service: temp files left by a crash are gone before anything else starts.
        builder.Services.AddHostedService<TempFiles>();
        builder.Services.AddSingleton<BackupService>();
        builder.Services.AddSingleton(sp => new ArtGalleryDatabase(sp.GetRequiredService<DataPaths>().Database));
        // Keys live in the data folder so sign-ins survive restarts and travel with back-ups.
        var keys = Path.Combine(Path.GetFullPath(builder.Configuration[$"{ArtGalleryOptions.Section}:DataDirectory"] ?? "./data"), "keys");
        builder.Services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(keys)).SetApplicationName("ArtGallery");
        builder.Services.AddSingleton<DatasetService>();
        builder.Services.AddSingleton<Favorites.FavoritesService>();
        return builder;
    }

    /// <summary>Render and print queues, the model catalog and the default model registration.</summary>
    public static WebApplicationBuilder AddArtGalleryRendering(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ModelCatalog>();
        builder.Services.AddSingleton<RenderQueue>();
        builder.Services.AddSingleton<PrintQueue>();
        builder.Services.AddSingleton<LargeViewQueue>();
        builder.Services.AddSingleton<DetailModels>();
        builder.Services.AddSingleton<ModelCollections>();
        builder.Services.AddSingleton<ArtRenderer>();
        builder.Services.AddSingleton<IArtRenderer>(sp => sp.GetRequiredService<ArtRenderer>());
        builder.Services.AddSingleton<ModelActivator>();
        builder.Services.AddSingleton<PrintJobs>();
        builder.Services.AddSingleton<DefaultModelRegistrar>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<DefaultModelRegistrar>());
        return builder;
    }

    /// <summary>The training service (singleton and hosted, so pages can send it commands), the job monitor pages read and the
    /// SignalR training hub for clients outside the app.</summary>
    public static WebApplicationBuilder AddArtGalleryTraining(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<JobMonitor>();
        builder.Services.AddSingleton<RunFolders>();
        builder.Services.AddSingleton<RunPlanner>();
        builder.Services.AddSingleton<RunsService>();
        builder.Services.AddSingleton<Training.DetailJobs.DetailTargets>();
        builder.Services.AddSingleton<TrainingService>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<TrainingService>());
        builder.Services.AddSignalR(o =>
        {
            // Clients only call tiny methods; a small limit bounds what a connection can make the server buffer.
            o.MaximumReceiveMessageSize = 32 * 1024;
        }).AddJsonProtocol(o => o.PayloadSerializerOptions.NumberHandling |= NamedFloats);
        return builder;
    }

    /// <summary>Razor components (interactive server), MudBlazor, ProblemDetails and health checks.</summary>
    public static WebApplicationBuilder AddArtGalleryUi(this WebApplicationBuilder builder)
    {
        // Serves package assets (MudBlazor css/js) from the build output in every environment, not only Development;
        // a no-op for published output, where they are copied into wwwroot.
        builder.WebHost.UseStaticWebAssets();
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddMudServices();
        builder.Services.AddProblemDetails();
        // A diverging run reports NaN/Infinity losses: they must reach the admin as "NaN", not turn the status into a 500.
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.NumberHandling |= NamedFloats);
        builder.Services.AddExceptionHandler<BadRequestExceptionHandler>();
        builder.Services.AddHealthChecks().AddCheck<Training.TrainingHealthCheck>("training");
        return builder;
    }

    /// <summary>The middleware and endpoints in order.</summary>
    public static WebApplication MapArtGallery(this WebApplication app)
    {
        // First: behind a trusted proxy, scheme, host and client address are the visitor's for everything after.
        app.UseForwardedHeaders();
        app.UseExceptionHandler();
        // Machines get ProblemDetails, a browser's page request a page with a way back (an unknown URL used to answer raw JSON).
        app.UseWhen(http => !IsPageRequest(http.Request), api => api.UseStatusCodePages());
        app.UseWhen(http => IsPageRequest(http.Request), pages => pages.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true));
        // Routing after the status code pages, so a re-executed request is routed again (to /not-found).
        app.UseMiddleware<SameOriginCheck>();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapHealthChecks("/health");
        app.MapAccountEndpoints();
        app.MapArtGalleryApis();
        app.MapHub<TrainingHub>(TrainingHub.Route);
        app.MapRazorComponents<Components.App>().AddInteractiveServerRenderMode();
        return app;
    }

    // A GET outside the APIs: form posts keep their ProblemDetails (re-executing one would post it to the page again).
    private static bool IsPageRequest(HttpRequest request) =>
        (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
        && !request.Path.StartsWithSegments("/api") && !request.Path.StartsWithSegments("/hubs") && !request.Path.StartsWithSegments("/health");

    private static void MapArtGalleryApis(this WebApplication app)
    {
        Api.ArtworksApi.MapArtworksApi(app);
        Api.ModelsApi.MapModelsApi(app);
        Api.TrainingApi.MapTrainingApi(app);
        Api.DatasetsApi.MapDatasetsApi(app);
        Api.FavoritesApi.MapFavoritesApi(app);
        Api.AdminApi.MapAdminApi(app);
    }
}
