using ArtGallery.Data;
using ArtGallery.Web.Components.Pages.Artwork;
using ArtGallery.Web.Hosting;
using ArtGallery.Web.Rendering;
using ArtGallery.Web.Tests.Infrastructure;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ArtGallery.Web.Tests.Components;

/// <summary>The print dialog against the real renderer, queues and tiny model.</summary>
[Collection("Sequential")]
public sealed class PrintDialogTests : ComponentTestBase
{
    private readonly TinyModel model;

    public PrintDialogTests(TinyModel model)
    {
        this.model = model;
        var options = Options.Create(new ArtGalleryOptions { DataDirectory = AppFactory.NewDataDirectory(), DirectionSamples = 32 });
        var paths = new DataPaths(options);
        var db = new ArtGalleryDatabase(paths.Database);
        var catalog = new ModelCatalog(db);
        catalog.Register(new ModelRecord { Id = model.ModelId, Path = model.ModelPath, Resolution = 8 }, makeActive: true);
        Services.AddSingleton(db);
        Services.AddSingleton<IArtRenderer>(new ArtRenderer(
            new RenderQueue(options, catalog, NullLogger<RenderQueue>.Instance), new PrintQueue(options), paths, options));
    }

    [Fact]
    public void RenderCandidates_PickOne_DownloadLinkCarriesChoices()
    {
        var request = new ArtworkRequest(model.ModelId, 9, 0.8f, ArtworkEdits.None);
        var dialog = Render<PrintDialog>(p => p.Add(c => c.Request, request));
        dialog.Find("#print-size").Change("16x20");
        dialog.Find("#print-orientation").Change("landscape");
        dialog.Find("#print-dpi").Change("150");
        Assert.Contains("3000 x 2400 px", dialog.Markup);
        Assert.Empty(dialog.FindAll("[data-testid=print-download]"));

        dialog.FindAll("button").Single(b => b.TextContent == "Render candidates").Click();
        dialog.WaitForElements("img[data-testid=print-candidate]", TimeSpan.FromSeconds(30));
        // Candidates appear in one render and the progress bar goes in the next: click only once both have landed.
        dialog.WaitForAssertion(() => Assert.Empty(dialog.FindAll("[role=progressbar]")), TimeSpan.FromSeconds(10));
        var candidates = dialog.FindAll("img[data-testid=print-candidate]");
        Assert.Equal(4, candidates.Count);
        Assert.StartsWith("data:image/png;base64,", candidates[0].GetAttribute("src"));
        Assert.NotEqual(candidates[0].GetAttribute("src"), candidates[1].GetAttribute("src"));
        dialog.FindAll("img[data-testid=print-candidate]")[2].Click();

        var href = dialog.Find("a[data-testid=print-download]").GetAttribute("href");
        Assert.Equal($"/api/artworks/{model.ModelId}/9/print?size=16x20&dpi=150&orientation=landscape&crop=0.5&trunc=0.8&edits=&candidate=2", href);
    }

    [Fact]
    public void RenderCandidates_DpiOverBudget_ShowsAlertAndNoCandidates()
    {
        var dialog = Render<PrintDialog>(p => p.Add(c => c.Request, new ArtworkRequest(model.ModelId, 1, 1f, ArtworkEdits.None)));
        dialog.Find("#print-dpi").Change("5000");
        dialog.FindAll("button").Single(b => b.TextContent == "Render candidates").Click();
        Assert.Contains("DPI", dialog.Find("[role=alert]").TextContent);
        Assert.Empty(dialog.FindAll("img[data-testid=print-candidate]"));
    }
}
