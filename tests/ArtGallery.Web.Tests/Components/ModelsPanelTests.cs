using System.Security.Claims;
using ArtGallery.Data;
using ArtGallery.Web.Accounts;
using ArtGallery.Web.Components.Pages.Admin;
using ArtGallery.Web.Infrastructure;
using ArtGallery.Web.Rendering;
using ArtGallery.Web.Tests.Infrastructure;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MudBlazor;

namespace ArtGallery.Web.Tests.Components;

/// <summary>"Make active" asks first, with both models' pictures, and can be undone; against real LiteDB.</summary>
[Collection("Sequential")]
public sealed class ModelsPanelTests : ComponentTestBase
{
    private readonly ArtGalleryDatabase db;
    private readonly ModelCatalog catalog;

    public ModelsPanelTests(TinyModel model)
    {
        var options = Options.Create(new ArtGalleryOptions { DataDirectory = AppFactory.NewDataDirectory(), DefaultModelPath = model.ModelPath });
        var paths = new DataPaths(options);
        db = new ArtGalleryDatabase(paths.Database);
        catalog = new ModelCatalog(db);
        catalog.Register(new ModelRecord { Id = model.ModelId, Path = model.ModelPath, Resolution = 8, Source = DefaultModelRegistrar.Source }, makeActive: true);
        catalog.Register(new ModelRecord { Id = "run1model", Path = model.ModelPath + ".run1", Resolution = 8, Source = "run-1" }, makeActive: false);
        var queue = new RenderQueue(options, catalog, NullLogger<RenderQueue>.Instance);
        var renderer = new ArtRenderer(queue, new PrintQueue(options), paths, options);
        Services.AddSingleton(catalog);
        Services.AddSingleton(new DefaultModelRegistrar(catalog, queue, renderer, options, NullLogger<DefaultModelRegistrar>.Instance));
        AddAuthorization().SetAuthorized("admin").SetRoles(Roles.Admin).SetClaims(new Claim(ClaimTypes.NameIdentifier, "1"));
        Interactive();
    }

    [Fact]
    public void MakeActive_Confirmed_SwitchesAndUndoSwitchesBack()
    {
        var (panel, dialogs, snackbars) = RenderPanel();
        var bundled = catalog.Active!.Id;

        panel.Find("button[aria-label='Make model run1model active']").Click();

        // Both models' pictures side by side before anything changes.
        var dialog = dialogs.WaitForElement("[data-testid=switch-candidate]");
        Assert.Contains("/api/artworks/run1model/1.png?size=256", dialogs.Find("[data-testid=switch-candidate]").InnerHtml);
        Assert.Contains($"/api/artworks/{bundled}/1.png?size=256", dialogs.Find("[data-testid=switch-current]").InnerHtml);
        Assert.Equal(bundled, catalog.Active!.Id);
        dialogs.Find("[data-testid=switch-confirm]").Click();

        panel.WaitForAssertion(() => Assert.Equal("run1model", catalog.Active!.Id));
        var undo = snackbars.WaitForElement(".mud-snackbar button.mud-snackbar-action-button, .mud-snackbar-content-action button");
        Assert.Contains("Undo", undo.TextContent, StringComparison.OrdinalIgnoreCase);
        undo.Click();
        panel.WaitForAssertion(() => Assert.Equal(bundled, catalog.Active!.Id));
    }

    [Fact]
    public void MakeActive_Cancelled_ChangesNothing()
    {
        var (panel, dialogs, _) = RenderPanel();
        var bundled = catalog.Active!.Id;
        panel.Find("button[aria-label='Make model run1model active']").Click();
        dialogs.WaitForElement("[data-testid=switch-confirm]");
        dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Cancel").Click();
        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll("[data-testid=switch-confirm]")));
        Assert.Equal(bundled, catalog.Active!.Id);
    }

    [Fact]
    public void RestoreBundled_AfterAnotherModel_MakesTheBundledModelActiveAgain()
    {
        catalog.Activate("run1model");
        var (panel, dialogs, _) = RenderPanel();

        panel.Find("[data-testid=restore-bundled]").Click();
        dialogs.WaitForElement("[data-testid=switch-confirm]").Click();

        panel.WaitForAssertion(() => Assert.Equal(DefaultModelRegistrar.Source, catalog.Active!.Source), TimeSpan.FromSeconds(30));
        Assert.Contains("in the gallery", panel.Find("[data-testid=model-table]").TextContent);
    }

    private (IRenderedComponent<ModelsPanel>, IRenderedComponent<MudDialogProvider>, IRenderedComponent<MudSnackbarProvider>) RenderPanel()
    {
        Render<MudPopoverProvider>();
        var dialogs = Render<MudDialogProvider>();
        var snackbars = Render<MudSnackbarProvider>();
        return (Render<ModelsPanel>(), dialogs, snackbars);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) db.Dispose();
    }
}
