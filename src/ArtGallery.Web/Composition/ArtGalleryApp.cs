using ArtGallery.Web.Accounts;

namespace ArtGallery.Web.Composition;

/// <summary>The whole app, composed and mapped but not started: Program runs it, and tests start it themselves to see a
/// bad setting fail the start (WebApplicationFactory's deferred start can lose that error to the host's disposal).</summary>
public static class ArtGalleryApp
{
    /// <summary>Builds the app from its command line and configuration.</summary>
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.AddArtGalleryData();
        builder.AddArtGalleryAccounts();
        builder.AddArtGalleryRendering();
        builder.AddArtGalleryTraining();
        builder.AddArtGalleryUi();
        var app = builder.Build();
        app.MapArtGallery();
        return app;
    }
}
