using ArtGallery.E2E.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace ArtGallery.E2E.Tests.Journeys;

/// <summary>A visitor on a 375 px phone: the nav is on screen and tappable, and Explore keeps the picture in view.</summary>
[Trait("Category","Slow")]
public sealed class PhoneTests(AppFixture app, ITestOutputHelper output) : BrowserTest(app, output)
{
    private const int Width = 375, Height = 812;

    [Fact]
    public async Task Nav_OnAPhone_GalleryAndExploreOnScreenAndTheRestInTheMenu()
    {
        var page = await PhoneAsync();
        await page.GotoAsync("/");

        // Before: "Gallery" and "Explore" sat above the screen (y = -27) and could not be tapped.
        foreach (var name in new[] { "Gallery", "Explore" }) await ExpectOnScreenAsync(page.GetByRole(AriaRole.Link, new() { Name = name, Exact = true }));
        await page.GetByRole(AriaRole.Link, new() { Name = "Explore", Exact = true }).TapAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/explore"));
        await page.GetByLabel("Menu", new() { Exact = true }).TapAsync();
        var favorites = page.GetByRole(AriaRole.Link, new() { Name = "Favorites", Exact = true });
        await ExpectOnScreenAsync(favorites);
        await ExpectOnScreenAsync(page.GetByRole(AriaRole.Link, new() { Name = "Sign in", Exact = true }));
        await ScreenshotAsync("phone-menu", page);
        await favorites.TapAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/login"));
    }

    [Fact]
    public async Task Explore_OnAPhone_PictureStaysInViewWhileTheSlidersScroll()
    {
        var page = await PhoneAsync();
        await page.GotoAsync("/explore");
        await WaitForImagesLoadedAsync(page, "img[data-testid=explore-image]");
        await ExploreSteps.WaitForDirectionsAsync(page);
        var image = page.Locator("img[data-testid=explore-image]");
        var before = await image.GetAttributeAsync("src");

        // The last sliders are far below the picture on a phone.
        var complexity = ExploreSteps.Slider(page, "Complexity");
        await complexity.ScrollIntoViewIfNeededAsync();
        await ExpectOnScreenAsync(complexity);
        await ExpectOnScreenAsync(image);
        var imageBox = (await image.BoundingBoxAsync())!;
        var sliderBox = (await complexity.BoundingBoxAsync())!;
        Assert.True(imageBox.Y + imageBox.Height <= sliderBox.Y, "the picture covers the slider being moved");
        // Nothing of the sticky picture's block lies over the slider's middle either.
        Assert.True(await complexity.EvaluateAsync<bool>(
            "e => { const r = e.getBoundingClientRect(); const hit = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2); return !!hit && " +
                "!!hit.closest('[data-direction=complexity]'); }"),
            "the slider is covered");
        await ScreenshotViewportAsync(page, "phone-explore-sliders");

        await ExploreSteps.DragSliderAsync(page, "Complexity", 0.95);
        await ExploreSteps.WaitForNewImageAsync(page, before!);
        await ExpectOnScreenAsync(image);
    }

    private async Task<IPage> PhoneAsync()
    {
        var context = await App.NewPhoneContextAsync();
        context.SetDefaultTimeout(DefaultTimeoutMs);
        phones.Add(context);
        return await context.NewPageAsync();
    }

    private readonly List<IBrowserContext> phones = [];

    // Wholly inside the 375 x 812 screen, and visible.
    private static async Task ExpectOnScreenAsync(ILocator locator)
    {
        await Expect(locator).ToBeVisibleAsync();
        var box = await locator.BoundingBoxAsync() ?? throw new InvalidOperationException("not laid out");
        Assert.True(box.X >= 0 && box.Y >= 0 && box.X + box.Width <= Width + 0.5 && box.Y + box.Height <= Height + 0.5,
            $"off screen: x {box.X:F0}, y {box.Y:F0}, {box.Width:F0} x {box.Height:F0}");
    }

    private async Task ScreenshotViewportAsync(IPage page, string name)
    {
        var path = Path.Combine(App.ScreenshotDirectory, $"{GetType().Name}.{name}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path });
        Output.WriteLine($"screenshot: {path}");
    }

    /// <inheritdoc />
    public override async Task DisposeAsync()
    {
        foreach (var phone in phones) await phone.CloseAsync();
        await base.DisposeAsync();
    }
}
