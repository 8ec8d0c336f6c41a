using ArtGallery.Data;
using ArtGallery.Imaging;
using ArtGallery.Web.Components.Pages.Artwork;
using ArtGallery.Web.Infrastructure;
using ArtGallery.Web.Rendering;
using ArtGallery.Web.Tests.Infrastructure;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MudBlazor;

namespace ArtGallery.Web.Tests.Components;

/// <summary>The print dialog, opened through IDialogService, against the real renderer, queues, print jobs and tiny model.</summary>
[Collection("Sequential")]
public sealed class PrintDialogTests : ComponentTestBase
{
    private static readonly TimeSpan RenderTime = TimeSpan.FromSeconds(60);
    private readonly TinyModel model;
    private readonly ArtRenderer renderer;

    public PrintDialogTests(TinyModel model)
    {
        this.model = model;
        var options = Options.Create(new ArtGalleryOptions { DataDirectory = AppFactory.NewDataDirectory(), DirectionSamples = 32 });
        var paths = new DataPaths(options);
        var db = new ArtGalleryDatabase(paths.Database);
        var catalog = new ModelCatalog(db);
        catalog.Register(new ModelRecord { Id = model.ModelId, Path = model.ModelPath, Resolution = 8 }, makeActive: true);
        var details = new DetailModels(catalog, options, NullLogger<DetailModels>.Instance);
        renderer = new ArtRenderer(new RenderQueue(options, catalog, NullLogger<RenderQueue>.Instance), new PrintQueue(options), paths, options, details);
        Services.AddSingleton(db);
        Services.AddSingleton(catalog);
        Services.AddSingleton(details);
        Services.AddSingleton<IArtRenderer>(renderer);
        Services.AddSingleton(new PrintJobs(renderer));
        Interactive();
    }

    [Fact]
    public async Task Open_BeforeAnythingIsRendered_ShowsTheArtworkCroppedToThePrintAndExplainsCandidates()
    {
        var host = await OpenAsync(new ArtworkRequest(model.ModelId, 9, 0.8f, ArtworkEdits.None));

        var preview = host.Find("[data-testid=print-preview]");
        Assert.Equal($"/api/artworks/{model.ModelId}/9.png?size=512&trunc=0.8", preview.GetAttribute("href"));
        // 12 x 15 in: the square's middle 80% of its width (crop 0.5), the whole height.
        Assert.Equal("0.1 0 0.8 1", host.Find("[data-testid=print-preview-window]").GetAttribute("viewBox"));
        Assert.Contains("drawn again", host.Find("[data-testid=candidates-explained]").TextContent);
        Assert.Empty(host.FindAll("img[data-testid=print-candidate]"));
    }

    [Fact]
    public async Task ChangeSizeOrientationAndCrop_AfterPicking_KeepsCandidatesPickAndDownload()
    {
        var host = await OpenAsync(new ArtworkRequest(model.ModelId, 9, 0.8f, ArtworkEdits.None));
        Button(host, "Render candidates").Click();
        Assert.Equal(4, host.FindAll("img[data-testid=print-candidate]").Count);
        host.FindAll("[role=radio]")[2].Click();

        await ChooseAsync(host, "Print size", "16x20");
        await ChooseAsync(host, "Orientation", "landscape");
        host.Find("input[role=spinbutton]").Change("150");
        host.WaitForAssertion(() => Assert.Equal("3000 x 2400 px at 150 DPI", host.Find("[data-testid=print-pixels]").TextContent.Trim()), TimeSpan.FromSeconds(5));
        await host.InvokeAsync(() => host.FindComponent<MudSlider<double>>().Instance.ValueChanged.InvokeAsync(0.25));

        // Before: every change threw the candidates away and hid the download.
        var candidates = host.FindAll("img[data-testid=print-candidate]");
        Assert.Equal(4, candidates.Count);
        Assert.Equal(4, candidates.Select(c => c.GetAttribute("src")).Distinct().Count());
        Assert.Equal("true", host.FindAll("[role=radio]")[2].GetAttribute("aria-checked"));
        // Landscape: the square is cut top and bottom, a quarter of the way down.
        Assert.Contains("object-position:50% 25%", candidates[2].GetAttribute("style"));
        Assert.Equal(candidates[2].GetAttribute("src"), host.Find("[data-testid=print-preview]").GetAttribute("href"));
        Assert.Equal("0 0.05 1 0.8", host.Find("[data-testid=print-preview-window]").GetAttribute("viewBox"));
        var href = host.Find("a[data-testid=print-download]").GetAttribute("href");
        Assert.Equal($"/api/artworks/{model.ModelId}/9/print?size=16x20&dpi=150&orientation=landscape&crop=0.25&trunc=0.8&edits=&candidate=2", href);
    }

    [Fact]
    public async Task DetailPreview_ThirdCandidatePicked_ShowsTheThirdCandidatesPrintNotTheFirsts()
    {
        var request = new ArtworkRequest(model.ModelId, 9, 1f, ArtworkEdits.None);
        var host = await OpenAsync(request);
        await ChooseAsync(host, "Print size", "8x10");
        host.Find("input[role=spinbutton]").Change("30");
        host.WaitForAssertion(() => Assert.Equal("240 x 300 px at 30 DPI", host.Find("[data-testid=print-pixels]").TextContent.Trim()), TimeSpan.FromSeconds(5));
        Button(host, "Render candidates").Click();
        host.FindAll("[role=radio]")[2].Click();

        host.Find("[data-testid=detail-preview-button]").Click();

        var shown = host.WaitForElement("img[data-testid=detail-preview]", RenderTime).GetAttribute("src");
        var spec = PrintSpec.Create("8x10", PrintOrientation.Portrait, 30);
        var third = await renderer.DetailPreviewAsync(request, spec, 0.5, DetailPreview.Side, candidate: 2);
        var first = await renderer.DetailPreviewAsync(request, spec, 0.5, DetailPreview.Side, candidate: 0);
        Assert.NotEqual(first.DataUrl, third.DataUrl);
        // Before: the preview always showed candidate 1, whichever was picked.
        Assert.Equal(third.DataUrl, shown);
        Assert.Contains("Candidate 3", host.Find("[data-testid=detail-preview-text]").TextContent);
        Assert.Contains("Lanczos", host.Find("[data-testid=detail-preview-text]").TextContent);
    }

    [Fact]
    public async Task DownloadPrint_Clicked_ShowsItsStageThenHandsTheFinishedFileToTheBrowser()
    {
        var host = await OpenAsync(new ArtworkRequest(model.ModelId, 4, 1f, ArtworkEdits.None));
        await ChooseAsync(host, "Print size", "8x10");
        host.Find("input[role=spinbutton]").Change("40");
        host.WaitForAssertion(() => Assert.Equal("320 x 400 px at 40 DPI", host.Find("[data-testid=print-pixels]").TextContent.Trim()), TimeSpan.FromSeconds(5));

        host.Find("a[data-testid=print-download]").Click();

        // The stage shows while the print renders, then the finished file goes to the browser.
        Assert.Contains("Step", host.Find("[data-testid=print-progress]").TextContent);
        host.WaitForAssertion(() => JSInterop.VerifyInvoke("artGallery.download", calledTimes: 1), RenderTime);
        var url = (string)JSInterop.VerifyInvoke("artGallery.download").Arguments[0]!;
        Assert.StartsWith("/api/prints/", url);
        var job = Services.GetRequiredService<PrintJobs>().Find(url["/api/prints/".Length..])!;
        var info = PngInspector.Read(await job.Completion);
        Assert.Equal((320, 400), (info.Width, info.Height));
        Assert.Equal(40, info.Dpi!.Value, precision: 0);
        Assert.Equal($"{model.ModelId}-4-8x10-40dpi.png", job.FileName);
    }

    [Fact]
    public async Task Open_TinyModelAt12x15_WarnsInWordsThatThePrintWillLookBlurry()
    {
        var host = await OpenAsync(new ArtworkRequest(model.ModelId, 1, 1f, ArtworkEdits.None));

        var warning = host.Find("[data-testid=print-sharpness]").TextContent;
        // 8 px and no detail model over 15 in: about half a picture pixel per inch.
        Assert.Contains("blurry", warning);
        Assert.Contains("0.5 picture pixels per inch", warning);
        await ChooseAsync(host, "Print size", "8x10");
        Assert.Contains("0.8 picture pixels per inch", host.Find("[data-testid=print-sharpness]").TextContent);
    }

    [Fact]
    public async Task Open_DpiOverBudget_ShowsTheReasonInsteadOfPreviews()
    {
        var host = await OpenAsync(new ArtworkRequest(model.ModelId, 1, 1f, ArtworkEdits.None));
        host.Find("input[role=spinbutton]").Change("5000");
        host.WaitForAssertion(() => Assert.Contains("DPI", host.Find("[role=alert]").TextContent), TimeSpan.FromSeconds(5));
        Assert.Empty(host.FindAll("[data-testid=print-preview]"));
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

    protected override void Dispose(bool disposing)
    {
        if (disposing) renderer.Dispose();
        base.Dispose(disposing);
    }
}
