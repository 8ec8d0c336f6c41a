using ArtGallery.E2E.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace ArtGallery.E2E.Tests.Journeys;

/// <summary>A visitor drags a latent slider and the picture follows.</summary>
public sealed class ExploreTests(AppFixture app, ITestOutputHelper output) : BrowserTest(app, output)
{
    [Theory]
    [InlineData("PC 1")]
    [InlineData("Brightness")]
    public async Task Slider_Drag_ChangesPictureAndUrl(string sliderName)
    {
        await Page.GotoAsync("/explore");
        await WaitForImagesLoadedAsync(Page, "img[data-testid=explore-image]");
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

    private static string Slug(string name) => name.Replace(' ', '-').ToLowerInvariant();
}
