using System.Net;
using System.Net.Http.Json;
using ArtGallery.Data;
using ArtGallery.Imaging;
using ArtGallery.Web.Api;
using ArtGallery.Web.Rendering;
using ArtGallery.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace ArtGallery.Web.Tests.Api;

/// <summary>What a person making wall art meets over HTTP: display-size pictures, model switches that can be undone,
/// interpolation frames as artworks, a page for unknown URLs and a favicon.</summary>
[Collection("Sequential")]
public sealed class UxApiTests(TinyModel model) : IAsyncLifetime
{
    private readonly AppFactory app = new(AppFactory.NewDataDirectory(), model.ModelPath);

    [Fact]
    public async Task Png_Size256_IsThePictureAt256PxAndSizeOutOfRangeIsAProblemInWords()
    {
        var client = app.CreateClient();
        var shown = await client.GetByteArrayAsync("/api/artworks/active/5.png?size=256");
        Assert.Equal((256, 256), (PngInspector.Read(shown).Width, PngInspector.Read(shown).Height));
        // The same picture as the model's own 8 px one, enlarged: its mean colour stays.
        using var small = Image.Load<Rgb24>(await client.GetByteArrayAsync("/api/artworks/active/5.png"));
        using var large = Image.Load<Rgb24>(shown);
        Assert.InRange(Math.Abs(MeanRed(small) - MeanRed(large)), 0, 6);

        var bad = await client.GetAsync("/api/artworks/active/5.png?size=5000");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("size must be 16..1024", await bad.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/artworks/active/5.png?candidate=2")).StatusCode);
        var candidate = await client.GetByteArrayAsync("/api/artworks/active/5.png?size=64&candidate=2");
        Assert.NotEqual(await client.GetByteArrayAsync("/api/artworks/active/5.png?size=64"), candidate);
    }

    [Fact]
    public async Task ActivateModel_AnotherThenDefault_BundledModelActiveAgainWithThePreviousNamed()
    {
        var catalog = app.Services.GetRequiredService<ModelCatalog>();
        catalog.Register(new ModelRecord { Id = "other1", Path = model.ModelPath + ".copy", Resolution = 8, Source = "run-x" }, makeActive: true);
        var admin = await Session.AdminAsync(app);

        var response = await admin.PostAsync("/api/models/default/activate", null);

        response.EnsureSuccessStatusCode();
        var answer = await response.Content.ReadFromJsonAsync<ModelSwitchDto>();
        Assert.Equal(new ModelSwitchDto(model.ModelId, "other1"), answer);
        Assert.Equal(model.ModelId, catalog.Active!.Id);
        var back = await (await admin.PostAsync("/api/models/other1/activate", null)).Content.ReadFromJsonAsync<ModelSwitchDto>();
        Assert.Equal(new ModelSwitchDto("other1", model.ModelId), back);
        var listed = await admin.GetFromJsonAsync<List<ModelDto>>("/api/models");
        Assert.Equal("other1", listed!.Single(m => m.Active).Id);
    }

    [Fact]
    public async Task ActivateModel_AnonymousOrUnknown_RefusedWithoutAChange()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().PostAsync("/api/models/default/activate", null)).StatusCode);
        var admin = await Session.AdminAsync(app);
        var unknown = await admin.PostAsync("/api/models/nosuchmodel/activate", null);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
        Assert.Contains("'default' is the bundled one", await unknown.Content.ReadAsStringAsync());
        Assert.Equal(model.ModelId, app.Services.GetRequiredService<ModelCatalog>().Active!.Id);
    }

    [Fact]
    public async Task MixFrame_HalfwayBetweenTwoSeeds_IsItsOwnPictureAndFavoritesKeepIt()
    {
        var client = app.CreateClient();
        using var from = Image.Load<Rgb24>(await client.GetByteArrayAsync("/api/artworks/active/5.png"));
        using var to = Image.Load<Rgb24>(await client.GetByteArrayAsync("/api/artworks/active/9.png"));
        using var start = Image.Load<Rgb24>(await client.GetByteArrayAsync("/api/artworks/active/5.png?mix=9:0"));
        using var half = Image.Load<Rgb24>(await client.GetByteArrayAsync("/api/artworks/active/5.png?mix=9:0.5"));
        Assert.Equal(0, Difference(from, start));
        Assert.True(Difference(from, half) > 0 && Difference(to, half) > 0);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/artworks/active/5.png?mix=9:2")).StatusCode);

        var user = await Session.UserAsync(app);
        (await user.PostAsync($"/api/favorites/{model.ModelId}/5?mix=9:0.5", null)).EnsureSuccessStatusCode();
        var saved = Assert.Single((await user.GetFromJsonAsync<List<FavoriteDto>>("/api/favorites"))!);
        Assert.Equal("9:0.5", saved.Mix);
        Assert.Contains("mix=9%3A0.5", saved.ImageUrl);
    }

    [Fact]
    public async Task UnknownUrl_Browser_GetsAPageWithAWayBackAndApiGetsProblemDetails()
    {
        var client = app.CreateClient();
        var page = await client.GetAsync("/no/such/page");
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("Page not found", html);
        Assert.Contains("/no/such/page", html);
        Assert.Contains("Back to the gallery", html);
        Assert.Contains("<main id=\"main\"", html);

        var api = await client.GetAsync("/api/no-such-endpoint");
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        var print = await client.GetAsync("/api/prints/0123456789abcdef");
        Assert.Contains("wait 10 minutes", await print.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task EveryPage_LinksAFaviconThatIsServed()
    {
        var client = app.CreateClient();
        var html = await client.GetStringAsync("/");
        Assert.Contains("rel=\"icon\" href=\"favicon.svg\"", html);
        Assert.Contains("class=\"ag-skip\" href=\"#main\"", html);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/favicon.ico")).StatusCode);
        Assert.Equal("image/svg+xml", (await client.GetAsync("/favicon.svg")).Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task SignUp_FromAnArtworksHeart_ReturnsToTheArtwork()
    {
        var client = Session.Client(app);
        var back = $"/art/{model.ModelId}/5?favorite=1";
        var form = await client.GetStringAsync("/account/register?returnUrl=" + Uri.EscapeDataString(back));
        Assert.Contains($"name=\"returnUrl\" value=\"{back}\"", System.Net.WebUtility.HtmlDecode(form));

        var token = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        var response = await client.PostAsync("/account/signup", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["username"] = "u" + Guid.NewGuid().ToString("N")[..8], ["password"] = "user-Pass-123", ["returnUrl"] = back,
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(back, response.Headers.Location?.ToString());
    }

    [Fact]
    public async Task StartTraining_FitToABudgetTooShortForTheSize_RefusedInWordsAndNothingStarts()
    {
        var admin = await Session.AdminAsync(app);
        var response = await admin.PostAsJsonAsync("/api/training/start", new { Dataset = "builtin:abstract", MaxResolution = 128, Minutes = 0.4, FitToBudget = true });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("0.4 minutes are too short to reach 128 px here", await response.Content.ReadAsStringAsync());
        Assert.Equal(ArtGallery.Contracts.JobStatus.Idle, app.Services.GetRequiredService<ArtGallery.Web.Training.JobMonitor>().Run.Status);
    }

    private static double MeanRed(Image<Rgb24> image)
    {
        double sum = 0;
        image.ProcessPixelRows(rows => { for (int y = 0; y < rows.Height; y++) foreach (var p in rows.GetRowSpan(y)) sum += p.R; });
        return sum / (image.Width * image.Height);
    }

    private static long Difference(Image<Rgb24> a, Image<Rgb24> b)
    {
        long sum = 0;
        for (int y = 0; y < a.Height; y++)
            for (int x = 0; x < a.Width; x++)
                sum += Math.Abs(a[x, y].R - b[x, y].R) + Math.Abs(a[x, y].G - b[x, y].G) + Math.Abs(a[x, y].B - b[x, y].B);
        return sum;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await app.DisposeAsync();
}
