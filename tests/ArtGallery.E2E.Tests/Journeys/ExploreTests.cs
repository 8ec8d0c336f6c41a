using ArtGallery.E2E.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace ArtGallery.E2E.Tests.Journeys;

/// <summary>A visitor drags a latent slider and the picture follows.</summary>
[Trait("Category","Slow")]
public sealed class ExploreTests(AppFixture app, ITestOutputHelper output) : BrowserTest(app, output)
{
    [Theory]
    [InlineData("PC 1")]
    [InlineData("Brightness")]
    public async Task Slider_Drag_ChangesPictureAndUrl(string sliderName)
    {
        await Page.GotoAsync("/explore");
        await WaitForImagesLoadedAsync(Page, "img[data-testid=explore-image]");
        await ExploreSteps.WaitForDirectionsAsync(Page);
        var image = Page.Locator("img[data-testid=explore-image]");
        var before = await image.GetAttributeAsync("src");
        var urlBefore = Page.Url;
        var pixelsBefore = await image.ScreenshotAsync();
        await ScreenshotAsync($"explore-before-{Slug(sliderName)}");

        await ExploreSteps.DragSliderAsync(Page, sliderName, 0.9);

        var after = await ExploreSteps.WaitForNewImageAsync(Page, before!);
        Assert.NotEqual(before, after);
        var pixelsAfter = await image.ScreenshotAsync();
        Assert.False(pixelsBefore.AsSpan().SequenceEqual(pixelsAfter), "the picture's pixels did not change");
        // The URL captures the exact state, so moving a slider must change it.
        await Page.WaitForURLAsync(url => url != urlBefore);
        await ScreenshotAsync($"explore-after-{Slug(sliderName)}");
    }

    [Fact]
    public async Task Interpolate_TwoSeeds_ShowsDistinctFrames()
    {
        await Page.GotoAsync("/explore");
        await WaitForImagesLoadedAsync(Page, "img[data-testid=explore-image]");

        await Page.GetByRole(AriaRole.Button, new() { Name = "Interpolate", Exact = true }).ClickAsync();

        await WaitForImagesLoadedAsync(Page, "[data-testid=interpolation-preview] img", minCount: 3, timeoutMs: 60_000);
        var frames = await Page.Locator("[data-testid=interpolation-preview] img").EvaluateAllAsync<string[]>("imgs => imgs.map(i => i.src)");
        Assert.True(frames.Distinct().Count() >= 3, $"expected at least 3 distinct frames, got {frames.Distinct().Count()}");
        await ScreenshotAsync("explore-interpolation");
    }

    [Fact]
    public async Task FavoriteThis_AfterSliderMove_ListsEditedArtworkInFavorites()
    {
        await UiSteps.RegisterAsync(Page, "e2e" + Guid.NewGuid().ToString("N")[..8], "e2e-User-Passw0rd!");
        await Page.GotoAsync("/explore");
        await WaitForImagesLoadedAsync(Page, "img[data-testid=explore-image]");
        await ExploreSteps.WaitForDirectionsAsync(Page);
        var before = await Page.Locator("img[data-testid=explore-image]").GetAttributeAsync("src");
        await ExploreSteps.DragSliderAsync(Page, "Warmth", 0.85);
        var edited = await ExploreSteps.WaitForImageAtSliderValueAsync(Page, "Warmth", "warmth");
        Assert.NotEqual(before, edited);

        await Page.GetByRole(AriaRole.Button, new() { Name = "Favorite this", Exact = true }).ClickAsync();

        await Microsoft.Playwright.Assertions.Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("favorites");
        await Page.GotoAsync("/favorites");
        var item = Page.Locator("[data-testid=favorite-item]");
        await Microsoft.Playwright.Assertions.Expect(item).ToHaveCountAsync(1);
        // The favorite reproduces the edited picture, not the unedited seed.
        var favoriteSrc = await item.Locator("img").GetAttributeAsync("src");
        Assert.Equal(Query(edited, "edits"), Query(favoriteSrc!, "edits"));
        Assert.False(string.IsNullOrEmpty(Query(favoriteSrc!, "edits")));
    }

    private static string? Query(string url, string key) =>
        System.Web.HttpUtility.ParseQueryString(new Uri(new Uri("http://x"), url).Query)[key];

    private static string Slug(string name) => name.Replace(' ', '-').ToLowerInvariant();
}
