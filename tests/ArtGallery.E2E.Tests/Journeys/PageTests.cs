using ArtGallery.E2E.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace ArtGallery.E2E.Tests.Journeys;

/// <summary>Every page, as a signed-in admin sees it once its circuit is live: no console error, and a screenshot kept.</summary>
[Trait("Category","Slow")]
public sealed class PageTests(AppFixture app, ITestOutputHelper output) : BrowserTest(app, output)
{
    [Fact]
    public async Task EveryPage_OpenedAsAdmin_RendersWithoutConsoleErrors()
    {
        await Page.GotoAsync("/account/login");
        await ScreenshotAsync("page-login");
        await UiSteps.SignInAsync(Page, "admin", AppFixture.AdminPassword);
        // Each page with the control that shows its circuit is interactive (enabled only then).
        var pages = new (string Path, string Name, ILocator Ready)[]
        {
            ("/", "gallery", Page.GetByRole(AriaRole.Button, new() { Name = "Load more", Exact = true })),
            ("/art/active/5", "artwork", Page.GetByRole(AriaRole.Button, new() { Name = "Print", Exact = true })),
            ("/explore", "explore", Page.GetByRole(AriaRole.Button, new() { Name = "Favorite this", Exact = true })),
            ("/favorites", "favorites", Page.GetByRole(AriaRole.Heading, new() { Name = "Your favorites", Exact = true })),
            ("/admin/datasets", "datasets", Page.GetByRole(AriaRole.Button, new() { Name = "Upload images", Exact = true })),
            ("/admin/training", "training", Page.GetByRole(AriaRole.Button, new() { Name = "Start", Exact = true })),
        };
        foreach (var (path, name, ready) in pages)
        {
            await Page.GotoAsync(path);
            await Expect(ready).ToBeEnabledAsync();
            await ScreenshotAsync("page-" + name);
        }
        Assert.Empty(BrowserErrors);
    }
}
