using ArtGallery.E2E.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace ArtGallery.E2E.Tests.Journeys;

/// <summary>Every page at desktop (1280) and phone (375) width, signed in as the admin, for a person to look at
/// (artifacts/screenshots/tour-WIDTH-PAGE.png; a few are kept in docs/images).</summary>
[Trait("Category","Slow")]
public sealed class ScreenshotTests(AppFixture app, ITestOutputHelper output) : BrowserTest(app, output)
{
    [Theory]
    [InlineData(1280, 900)]
    [InlineData(375, 812)]
    public async Task EveryPage_AtThisWidth_RendersWithoutErrorsAndIsSaved(int width, int height)
    {
        await Page.SetViewportSizeAsync(width, height);
        await Page.GotoAsync("/account/login");
        await SaveAsync(width, "login");
        await UiSteps.SignInAsync(Page, "admin", AppFixture.AdminPassword);
        var (model, _) = await UiSteps.ActiveModelAsync(Page);
        var pages = new (string Path, string Name, Func<Task> Ready)[]
        {
            ("/", "gallery", () => WaitForImagesLoadedAsync(Page, "[data-testid=artwork-card] img", minCount: 4)),
            ($"/art/{model}/5", "artwork", () => WaitForImagesLoadedAsync(Page, "img[data-testid=artwork-image]", timeoutMs: 90_000)),
            ("/explore?seed=5&edits=warmth%3A1.5", "explore", () => WaitForImagesLoadedAsync(Page, "img[data-testid=explore-image]", timeoutMs: 90_000)),
            ("/favorites", "favorites", () => Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Your favorites" })).ToBeVisibleAsync()),
            ("/admin/training", "training-form", () => Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Start", Exact = true })).ToBeEnabledAsync()),
            ("/admin/datasets", "datasets", () => Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Upload images", Exact = true })).ToBeEnabledAsync()),
        };
        foreach (var (path, name, ready) in pages)
        {
            await Page.GotoAsync(path);
            await ready();
            await SaveAsync(width, name);
        }
        await Page.GotoAsync($"/art/{model}/5");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Print", Exact = true }).ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Render candidates", Exact = true }).ClickAsync();
        await WaitForImagesLoadedAsync(Page, "img[data-testid=print-candidate]", minCount: 4, timeoutMs: 90_000);
        await SaveAsync(width, "print-dialog");
        Assert.Empty(BrowserErrors);
        // Last: the browser logs the 404 status of this one as a console error, as it should.
        await Page.GotoAsync("/no/such/page");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Page not found" })).ToBeVisibleAsync();
        await SaveAsync(width, "not-found");
    }

    // What a person sees without scrolling (the journeys' own screenshots are full pages).
    private async Task SaveAsync(int width, string name, bool fullPage = false)
    {
        var path = Path.Combine(App.ScreenshotDirectory, $"tour-{width}-{name}.png");
        if (fullPage) await Page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = fullPage });
        Output.WriteLine($"screenshot: {path}");
    }
}
