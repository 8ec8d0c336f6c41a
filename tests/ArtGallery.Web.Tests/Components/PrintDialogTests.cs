using ArtGallery.Data;
using ArtGallery.Web.Components.Pages.Artwork;
using ArtGallery.Web.Hosting;
using ArtGallery.Web.Rendering;
using ArtGallery.Web.Tests.Infrastructure;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MudBlazor;

namespace ArtGallery.Web.Tests.Components;

/// <summary>The print dialog, opened through IDialogService, against the real renderer, queues and tiny model.</summary>
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
    public async Task RenderCandidates_PickOne_DownloadLinkCarriesChoicesAndFrameIsToScale()
    {
        var host = await OpenAsync(new ArtworkRequest(model.ModelId, 9, 0.8f, ArtworkEdits.None));
        await ChooseAsync(host, "Print size", "16x20");
        await ChooseAsync(host, "Orientation", "landscape");
        host.Find("input[role=spinbutton]").Change("150");
        // MudNumericField commits a typed value asynchronously.
        host.WaitForAssertion(() => Assert.Equal("3000 x 2400 px at 150 DPI", host.Find("[data-testid=print-pixels]").TextContent.Trim()), TimeSpan.FromSeconds(5));
        Assert.Empty(host.FindAll("[data-testid=print-download]"));

        Button(host, "Render candidates").Click();
        host.WaitForElements("img[data-testid=print-candidate]", TimeSpan.FromSeconds(30));
        host.WaitForAssertion(() => Assert.Empty(host.FindAll("[role=progressbar]")), TimeSpan.FromSeconds(10));
        var candidates = host.FindAll("img[data-testid=print-candidate]");
        Assert.Equal(4, candidates.Count);
        Assert.StartsWith("data:image/png;base64,", candidates[0].GetAttribute("src"));
        Assert.NotEqual(candidates[0].GetAttribute("src"), candidates[1].GetAttribute("src"));
        host.FindAll("[role=radio]")[2].Click();

        host.WaitForAssertion(() => Assert.Equal("true", host.FindAll("[role=radio]")[2].GetAttribute("aria-checked")), TimeSpan.FromSeconds(5));
        var href = host.Find("a[data-testid=print-download]").GetAttribute("href");
        Assert.Equal($"/api/artworks/{model.ModelId}/9/print?size=16x20&dpi=150&orientation=landscape&crop=0.5&trunc=0.8&edits=&candidate=2", href);
        // Landscape 16x20 is 20 in wide plus a 1 in frame each side, drawn at the preview's fixed scale.
        var frame = host.Find("[data-testid=frame-preview] .ag-frame").GetAttribute("style");
        Assert.Contains($"width:{FramePreview.ScreenPixels(22)}px", frame);
        Assert.Equal(candidates[2].GetAttribute("src"), host.Find("[data-testid=frame-preview] img").GetAttribute("src"));
    }

    [Fact]
    public async Task RenderCandidates_DpiOverBudget_ShowsAlertAndNoCandidates()
    {
        var host = await OpenAsync(new ArtworkRequest(model.ModelId, 1, 1f, ArtworkEdits.None));
        host.Find("input[role=spinbutton]").Change("5000");
        Button(host, "Render candidates").Click();
        Assert.Contains("DPI", host.Find("[role=alert]").TextContent);
        Assert.Empty(host.FindAll("img[data-testid=print-candidate]"));
    }

    [Fact]
    public async Task Close_Clicked_ClosesTheDialog()
    {
        var host = await OpenAsync(new ArtworkRequest(model.ModelId, 1, 1f, ArtworkEdits.None));
        Button(host, "Close").Click();
        host.WaitForAssertion(() => Assert.Empty(host.FindComponents<PrintDialog>()));
    }

    private async Task<IRenderedComponent<MudDialogProvider>> OpenAsync(ArtworkRequest request)
    {
        Render<MudPopoverProvider>();
        var host = Render<MudDialogProvider>();
        var dialogs = Services.GetRequiredService<IDialogService>();
        await host.InvokeAsync(() => dialogs.ShowAsync<PrintDialog>("Print", new DialogParameters<PrintDialog> { { d => d.Request, request } }));
        host.WaitForElement("[data-testid=print-pixels]");
        return host;
    }

    // The select's own event, as picking an option raises it.
    private static Task ChooseAsync(IRenderedComponent<MudDialogProvider> host, string label, string value) =>
        host.InvokeAsync(() => host.FindComponents<MudSelect<string>>().Single(s => s.Instance.Label == label).Instance.ValueChanged.InvokeAsync(value));

    private static AngleSharp.Dom.IElement Button(IRenderedComponent<MudDialogProvider> host, string text) =>
        host.FindAll("button").Single(b => b.TextContent.Trim().Equals(text, StringComparison.OrdinalIgnoreCase));
}
