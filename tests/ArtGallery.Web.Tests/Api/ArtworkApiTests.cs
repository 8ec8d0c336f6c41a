using System.Net;
using System.Net.Http.Json;
using ArtGallery.Imaging;
using ArtGallery.Web.Components.Pages.Artwork;
using ArtGallery.Web.Rendering;
using ArtGallery.Web.Tests.Infrastructure;

namespace ArtGallery.Web.Tests.Api;

[Collection("Sequential")]
public sealed class ArtworkApiTests(TinyModel model, SharedApp shared) : IClassFixture<SharedApp>
{
    private AppFactory app => shared.For(model.ModelPath);

    [Fact]
    public async Task Models_FirstStart_ListsBundledModelAsActive()
    {
        var models = await app.CreateClient().GetFromJsonAsync<List<ArtGallery.Web.Api.ModelDto>>("/api/models");
        var only = Assert.Single(models!);
        Assert.Equal(model.ModelId, only.Id);
        Assert.True(only.Active);
        Assert.Equal(8, only.Resolution);
    }

    [Fact]
    public async Task Png_SameSeedTwice_SameBytesAndDifferentSeedDiffers()
    {
        var client = app.CreateClient();
        var a = await client.GetByteArrayAsync($"/api/artworks/active/5.png");
        var b = await client.GetByteArrayAsync($"/api/artworks/{model.ModelId}/5.png");
        var c = await client.GetByteArrayAsync($"/api/artworks/active/6.png");
        Assert.Equal(8, PngInspector.Read(a).Width);
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Fact]
    public async Task Png_WithEdits_DiffersFromUnedited()
    {
        var client = app.CreateClient();
        var plain = await client.GetByteArrayAsync("/api/artworks/active/3.png");
        var edited = await client.GetByteArrayAsync("/api/artworks/active/3.png?edits=pc1:3,brightness:2");
        var truncated = await client.GetByteArrayAsync("/api/artworks/active/3.png?trunc=0.2");
        Assert.NotEqual(plain, edited);
        Assert.NotEqual(plain, truncated);
    }

    [Fact]
    public async Task Print_12x15At300_ExactPixelsDpiAndFileName()
    {
        var response = await app.CreateClient().GetAsync("/api/artworks/active/7/print?size=12x15&dpi=300");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var info = PngInspector.Read(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal((3600, 4500), (info.Width, info.Height));
        Assert.Equal(300, info.Dpi!.Value, 0);
        Assert.True(info.HasSrgb);
        Assert.Equal("7", info.Text["Seed"]);
        Assert.Equal($"{model.ModelId}-7-12x15-300dpi.png", response.Content.Headers.ContentDisposition?.FileName);
    }

    /// <summary>The print dialog's own link, built by PrintQuery, read back by the endpoint through the same record: every choice
    /// arrives (size, orientation, DPI, crop, candidate, and the artwork's truncation, edits and frame).</summary>
    [Fact]
    public async Task Print_TheDialogsUrl_EndpointReadsEveryChoice()
    {
        var artwork = new ArtworkRequest(model.ModelId, 42, 0.7f, ArtworkEdits.None.With("pc1", 1.5)) { Mix = new ArtworkMix(9, 0.43) };
        var dialog = new PrintChoices(artwork) { Size = "8x10", Orientation = "landscape", Dpi = 40, Crop = 0.2, Picked = 2 };

        var response = await app.CreateClient().GetAsync(dialog.DownloadUrl);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(dialog.FileName, response.Content.Headers.ContentDisposition?.FileName);
        var info = PngInspector.Read(await response.Content.ReadAsByteArrayAsync());
        var spec = dialog.Spec(out _)!;
        Assert.Equal((spec.PixelWidth, spec.PixelHeight), (info.Width, info.Height));
        Assert.Equal((400, 320), (info.Width, info.Height)); // landscape: the long side across
        Assert.Equal(40, info.Dpi!.Value, 0);
        Assert.Equal(("42", "0.7", "pc1:1.5", "9:0.43", "2", "0.2"),
            (info.Text["Seed"], info.Text["Truncation"], info.Text["Edits"], info.Text["Mix"], info.Text["Candidate"], info.Text["Crop"]));
        // And the record reads what it wrote: the same query, parsed the endpoint's way.
        Assert.True(dialog.Query.TryRead(100_000_000, out var choice, out var error), error);
        Assert.Equal((spec, 0.2, 2, Upscaler.Detail), (choice!.Spec, choice.Crop, choice.Candidate, choice.Upscaler));
    }

    [Fact]
    public async Task Print_LandscapeWithCrop_SwapsSides()
    {
        var response = await app.CreateClient().GetAsync("/api/artworks/active/7/print?size=8x10&dpi=50&orientation=landscape&crop=0&candidate=2");
        var info = PngInspector.Read(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal((500, 400), (info.Width, info.Height));
        Assert.Equal("2", info.Text["Candidate"]);
    }

    [Theory]
    [InlineData("/api/artworks/active/-1.png", "seed")]
    [InlineData("/api/artworks/active/abc.png", "seed")]
    [InlineData("/api/artworks/active/99999999999.png", "seed")]
    [InlineData("/api/artworks/active/1.png?trunc=9", "trunc")]
    [InlineData("/api/artworks/active/1.png?edits=evil:1", "edit")]
    [InlineData("/api/artworks/active/1/print?dpi=0", "DPI")]
    [InlineData("/api/artworks/active/1/print?dpi=100000", "DPI")]
    [InlineData("/api/artworks/active/1/print?size=huge", "size")]
    [InlineData("/api/artworks/active/1/print?size=120x120&dpi=1200", "budget")]
    [InlineData("/api/artworks/active/1/print?crop=2", "crop")]
    [InlineData("/api/artworks/active/1/print?orientation=sideways", "rientation")]
    public async Task BadInput_Returns400WithClearMessage(string url, string mentions)
    {
        var response = await app.CreateClient().GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(mentions, await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task UnknownModel_Returns404ProblemDetails()
    {
        var response = await app.CreateClient().GetAsync("/api/artworks/deadbeef/1.png");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Unknown model", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task HugeQueryString_Returns400()
    {
        var response = await app.CreateClient().GetAsync("/api/artworks/active/1.png?edits=" + new string('a', 5000));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Health_Returns200Healthy()
    {
        var response = await app.CreateClient().GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Diagnostics_AfterRenders_CountsRenderCacheBytes()
    {
        var admin = await Session.AdminAsync(app);
        var before = await admin.GetFromJsonAsync<ArtGallery.Web.Api.DiagnosticsDto>("/api/admin/diagnostics");
        long pngBytes = 0;
        for (int seed = 100; seed < 103; seed++) pngBytes += (await admin.GetByteArrayAsync($"/api/artworks/active/{seed}.png")).Length;
        var after = await admin.GetFromJsonAsync<ArtGallery.Web.Api.DiagnosticsDto>("/api/admin/diagnostics");
        Assert.Equal(before!.RenderCacheEntries + 3, after!.RenderCacheEntries);
        Assert.Equal(before.RenderCacheBytes + pngBytes, after.RenderCacheBytes);
        Assert.True(after.ManagedHeapBytes > 0 && after.WorkingSetBytes > 0);
    }
}
