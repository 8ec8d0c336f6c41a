using ArtGallery.E2E.Tests.Infrastructure;
using ArtGallery.Gan.Sampling;
using ArtGallery.Web.Rendering;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace ArtGallery.E2E.Tests.Journeys;

/// <summary>Issue 21's journey on a conditioned model: pick a palette, open "more like this", favorite one, reload, and the
/// favorite renders the same picture.</summary>
[Trait("Category", "Slow")]
public sealed class ConditionedTests(AppFixture app, ITestOutputHelper output) : BrowserTest(app, output)
{
    [Fact]
    public async Task PickPalette_MoreLikeThis_Favorite_Reload_FavoriteRendersTheSamePicture()
    {
        var modelId = RegisterConditionedModel();
        await UiSteps.RegisterAsync(Page, "e2e" + Guid.NewGuid().ToString("N")[..8], "e2e-User-Passw0rd!");
        await Page.GotoAsync($"/art/{modelId}/5");

        // Pick a palette: the first of "In other colours".
        var colours = Page.Locator("a[data-testid=colour-card]");
        await Expect(colours).ToHaveCountAsync(6);
        await WaitForImagesLoadedAsync(Page, "[data-testid=colour-card] img", 6);
        await ScreenshotAsync("artwork-conditioned");
        await colours.First.ClickAsync();
        await Page.WaitForURLAsync(url => url.Contains("palette="), CommittedOnly);
        var palette = Query(Page.Url, "palette");
        // The URL changes first; the live page takes the new artwork a moment later (its picture says when).
        await Expect(Page.GetByTestId("artwork-image")).ToHaveAttributeAsync("src", new System.Text.RegularExpressions.Regex("palette=" + palette));

        // More like this: a variation around the same collection picture, keeping the palette.
        var like = Page.Locator("a[data-testid=like-card]");
        await Expect(like).ToHaveCountAsync(6);
        await like.Nth(2).ClickAsync();
        await Page.WaitForURLAsync(url => url.Contains("like="), CommittedOnly);
        Assert.Equal(palette, Query(Page.Url, "palette"));
        var artworkUrl = new Uri(Page.Url);
        var seed = artworkUrl.AbsolutePath.Split('/')[^1];
        await Expect(Page.GetByTestId("artwork-image")).ToHaveAttributeAsync("src", new System.Text.RegularExpressions.Regex($"/{seed}\\.png\\?view=large&like="));

        await Page.GetByRole(AriaRole.Button, new() { Name = "Favorite", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Unfavorite", Exact = true })).ToBeVisibleAsync();
        await Page.ReloadAsync();
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Unfavorite", Exact = true })).ToBeVisibleAsync();

        await Page.GotoAsync("/favorites");
        var favorite = Page.Locator("[data-testid=favorite-item] img");
        await Expect(favorite).ToHaveCountAsync(1);
        await WaitForImagesLoadedAsync(Page, "[data-testid=favorite-item] img");
        var shown = await favorite.GetAttributeAsync("src");
        // The same picture: the favorite's image is the artwork page's picture, byte for byte, and the condition mattered.
        var direct = $"/api/artworks/{modelId}/{seed}.png?size=256&{artworkUrl.Query.TrimStart('?')}";
        var favoriteBytes = await (await Page.APIRequest.GetAsync(shown!)).BodyAsync();
        Assert.Equal(await (await Page.APIRequest.GetAsync(direct)).BodyAsync(), favoriteBytes);
        var withoutCondition = $"/api/artworks/{modelId}/{seed}.png?size=256";
        Assert.NotEqual(await (await Page.APIRequest.GetAsync(withoutCondition)).BodyAsync(), favoriteBytes);
        Assert.Contains("like=" + Query(artworkUrl.ToString(), "like"), shown);
        Assert.Contains("palette=" + palette, shown);

        await Page.GotoAsync($"/collection?model={modelId}");
        await Expect(Page.Locator("[data-testid=collection-item]")).ToHaveCountAsync(64);
        await WaitForImagesLoadedAsync(Page, "[data-testid=collection-item] img", 64);
        await ScreenshotAsync("collection");
    }

    private readonly string workDir = Path.Combine(Path.GetTempPath(), "artgallery-e2e-conditioned-" + Guid.NewGuid().ToString("N"));

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        try { if (Directory.Exists(workDir)) Directory.Delete(workDir, recursive: true); }
        catch (IOException) { /* a file still held open must not fail the run */ }
    }

    // Registered beside the active model (not made active), so the other journeys keep their model.
    private string RegisterConditionedModel()
    {
        var path = TestModel.TrainConditioned(workDir);
        string id;
        using (var g = ArtGenerator.Load(path)) id = g.ModelId;
        App.Services.GetRequiredService<ModelCatalog>().Register(
            new ArtGallery.Data.ModelRecord { Id = id, Path = path, Resolution = 16, Source = "e2e conditioned", Created = DateTime.UtcNow }, makeActive: false);
        return id;
    }

    private static string Query(string url, string name) =>
        System.Web.HttpUtility.ParseQueryString(new Uri(url).Query)[name] ?? "";
}
