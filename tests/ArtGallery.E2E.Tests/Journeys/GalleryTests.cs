using System.Text.RegularExpressions;
using ArtGallery.E2E.Tests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace ArtGallery.E2E.Tests.Journeys;

/// <summary>A visitor opens the gallery, sees generated art, and opens one artwork.</summary>
[Trait("Category","Slow")]
public sealed class GalleryTests(AppFixture app, ITestOutputHelper output) : BrowserTest(app, output)
{
    [Fact]
    public async Task Gallery_Open_ShowsDecodedArtworkImages()
    {
        await Page.GotoAsync("/");

        await WaitForImagesLoadedAsync(Page, "[data-testid=artwork-card] img", minCount: 4);
        var sources = await Page.Locator("[data-testid=artwork-card] img").EvaluateAllAsync<string[]>("imgs => imgs.map(i => i.getAttribute('src'))");
        await ScreenshotAsync("gallery");
        Assert.All(sources, s => Assert.Matches(@"^/api/artworks/[^/]+/-?\d+\.png", s));
        Assert.Equal(sources.Length, sources.Distinct().Count());
    }

    [Fact]
    public async Task ArtworkCard_Click_OpensArtworkPageWithImage()
    {
        await Page.GotoAsync("/");
        var card = Page.Locator("[data-testid=artwork-card]").First;
        var cardSrc = await card.Locator("img").GetAttributeAsync("src");

        await card.ClickAsync();

        await Page.WaitForURLAsync(new Regex(@"/art/[^/]+/-?\d+"), CommittedOnly);
        await WaitForImagesLoadedAsync(Page, "img[data-testid=artwork-image]");
        var seed = Regex.Match(Page.Url, @"/art/[^/]+/(-?\d+)").Groups[1].Value;
        Assert.Contains($"/{seed}.png", cardSrc);
        await Expect(Page.Locator("img[data-testid=artwork-image]")).ToHaveAttributeAsync("src", new Regex($@"/{seed}\.png"));
        await WaitForImagesLoadedAsync(Page, "[data-testid=variation-card] img", minCount: 2, timeoutMs: 60_000);
        await ScreenshotAsync("artwork");
    }
}
