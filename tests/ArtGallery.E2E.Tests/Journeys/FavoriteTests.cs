using ArtGallery.E2E.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace ArtGallery.E2E.Tests.Journeys;

/// <summary>A registered user favorites an artwork and it stays favorited.</summary>
[Trait("Category","Slow")]
public sealed class FavoriteTests(AppFixture app, ITestOutputHelper output) : BrowserTest(app, output)
{
    [Fact]
    public async Task Favorite_AfterReload_StillFavoritedAndListed()
    {
        var user = "e2e" + Guid.NewGuid().ToString("N")[..8];
        await UiSteps.RegisterAsync(Page, user, "e2e-User-Passw0rd!");
        await UiSteps.OpenFirstArtworkAsync(Page);

        await Page.GetByRole(AriaRole.Button, new() { Name = "Favorite", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Unfavorite", Exact = true })).ToBeVisibleAsync();
        await Page.ReloadAsync();

        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Unfavorite", Exact = true })).ToBeVisibleAsync();
        await ScreenshotAsync("artwork-favorited");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Favorites", Exact = true }).ClickAsync();
        await Expect(Page.Locator("[data-testid=favorite-item]")).ToHaveCountAsync(1);
        await WaitForImagesLoadedAsync(Page, "[data-testid=favorite-item] img");
        await ScreenshotAsync("favorites");
    }

    [Fact]
    public async Task RemoveFavorite_OnFavoritesPage_RemovesItem()
    {
        var user = "e2e" + Guid.NewGuid().ToString("N")[..8];
        await UiSteps.RegisterAsync(Page, user, "e2e-User-Passw0rd!");
        await UiSteps.OpenFirstArtworkAsync(Page);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Favorite", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Unfavorite", Exact = true })).ToBeVisibleAsync();
        await Page.GotoAsync("/favorites");
        await Expect(Page.Locator("[data-testid=favorite-item]")).ToHaveCountAsync(1);

        await Page.GetByRole(AriaRole.Button, new() { Name = "Remove favorite", Exact = true }).ClickAsync();

        await Expect(Page.Locator("[data-testid=favorite-item]")).ToHaveCountAsync(0);
        await Page.ReloadAsync();
        await Expect(Page.Locator("[data-testid=favorite-item]")).ToHaveCountAsync(0);
    }
}
