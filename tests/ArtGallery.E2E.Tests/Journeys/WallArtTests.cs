using System.Text.RegularExpressions;
using ArtGallery.E2E.Tests.Infrastructure;
using ArtGallery.Imaging;
using ArtGallery.Web.Components.Pages.Artwork;
using ArtGallery.Web.Rendering;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace ArtGallery.E2E.Tests.Journeys;

/// <summary>What a person making wall art expects (issue 25), each as they would try it in the browser.</summary>
[Trait("Category","Slow")]
public sealed class WallArtTests(AppFixture app, ITestOutputHelper output) : BrowserTest(app, output)
{
    [Fact]
    public async Task PrintDialog_ThirdCandidatePicked_100PercentDetailShowsTheThirdCandidate()
    {
        var (model, _) = await UiSteps.ActiveModelAsync(Page);
        await Page.GotoAsync($"/art/{model}/1");
        // The picture shows the moment the dialog opens, before any candidate is rendered.
        await Page.GetByRole(AriaRole.Button, new() { Name = "Print", Exact = true }).ClickAsync();
        await Expect(Page.Locator("[data-testid=print-preview]")).ToHaveAttributeAsync("href", new Regex($"/{model}/1\\.png\\?size=512"));
        await Page.Locator(".mud-dialog-actions").GetByRole(AriaRole.Button, new() { Name = "Close", Exact = true }).ClickAsync();
        await Expect(Page.Locator("[data-testid=print-preview]")).ToHaveCountAsync(0);
        await PrintSteps.OpenAndPickAsync(Page, "12x15", 300, pick: 2, timeoutMs: 60_000);

        await Page.Locator("[data-testid=detail-preview-button]").ClickAsync();

        var preview = Page.Locator("img[data-testid=detail-preview]");
        await Expect(preview).ToBeVisibleAsync(new() { Timeout = 120_000 });
        await ScreenshotAsync("print-detail-third-candidate");
        var shown = await preview.GetAttributeAsync("src");
        var renderer = App.Services.GetRequiredService<IArtRenderer>();
        var request = new ArtworkRequest(model, 1, 1f, ArtworkEdits.None);
        var spec = PrintSpec.Create("12x15", PrintOrientation.Portrait, 300);
        var third = await renderer.DetailPreviewAsync(request, spec, 0.5, DetailPreview.Side, candidate: 2);
        var first = await renderer.DetailPreviewAsync(request, spec, 0.5, DetailPreview.Side, candidate: 0);
        Assert.NotEqual(first.DataUrl, third.DataUrl);
        // Before: always candidate 1's, whichever was picked.
        Assert.Equal(third.DataUrl, shown);
    }

    [Fact]
    public async Task Explore_SettledSliderMoves_UpdateTheUrlWithoutFetchingThePage()
    {
        await Page.GotoAsync("/explore");
        await WaitForImagesLoadedAsync(Page, "img[data-testid=explore-image]");
        await ExploreSteps.WaitForDirectionsAsync(Page);
        var pageFetches = new List<string>();
        Page.Request += (_, r) => { if (new Uri(r.Url).AbsolutePath == "/explore") pageFetches.Add($"{r.ResourceType} {r.Url}"); };

        foreach (var (slider, to, edit) in new[] { ("Warmth", 0.85, "warmth"), ("PC 1", 0.2, "pc1") })
        {
            var before = await Page.Locator("img[data-testid=explore-image]").GetAttributeAsync("src");
            await ExploreSteps.DragSliderAsync(Page, slider, to);
            await ExploreSteps.WaitForNewImageAsync(Page, before!);
            await Expect(Page).ToHaveURLAsync(new Regex($"edits=[^&]*{edit}"));
        }

        // Before: every settled move was an enhanced navigation, a GET of the whole page (11 in one visit).
        Assert.Empty(pageFetches);
        // The URL reproduces the state: opening it shows the same picture.
        var src = await Page.Locator("img[data-testid=explore-image]").GetAttributeAsync("src");
        await Page.ReloadAsync();
        await Expect(Page.Locator("img[data-testid=explore-image]")).ToHaveAttributeAsync("src", src!);
    }

    [Fact]
    public async Task Interpolation_FrameOpened_IsAnArtworkThatCanBeFavoritedAndPrinted()
    {
        await UiSteps.RegisterAsync(Page, "e2e" + Guid.NewGuid().ToString("N")[..8], "e2e-User-Passw0rd!");
        await Page.GotoAsync("/explore?seed=3");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Interpolate", Exact = true }).ClickAsync();
        var frame = Page.Locator("[data-testid=interpolation-frame]").Nth(3);

        await frame.ClickAsync();

        await Page.WaitForURLAsync(new Regex(@"/art/[^/]+/3\?mix=4%3A0\.43"), CommittedOnly);
        await WaitForImagesLoadedAsync(Page, "img[data-testid=artwork-image]");
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Print", Exact = true })).ToBeEnabledAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Favorite", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Unfavorite", Exact = true })).ToBeVisibleAsync();
        await ScreenshotAsync("interpolation-frame-artwork");
        await Page.GotoAsync("/favorites");
        await Expect(Page.Locator("[data-testid=favorite-item] img")).ToHaveAttributeAsync("src", new Regex("mix=4%3A0\\.43"));
    }

    [Fact]
    public async Task SignUpFromTheHeart_ReturnsToTheArtworkWithItsFavoriteSaved()
    {
        var (model, _) = await UiSteps.ActiveModelAsync(Page);
        await Page.GotoAsync($"/art/{model}/6");
        await Page.Locator("[data-testid=favorite-sign-in]").ClickAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "Create one", Exact = true }).ClickAsync();
        // The sign-in page has the same two fields: filled before the enhanced navigation patched in the register page,
        // they were emptied by the patch, and the browser refused to post an empty required field.
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Create an account" })).ToBeVisibleAsync();
        await Page.GetByLabel("User name", new() { Exact = true }).FillAsync("e2e" + Guid.NewGuid().ToString("N")[..8]);
        await Page.GetByLabel("Password", new() { Exact = true }).FillAsync("e2e-User-Passw0rd!");

        await Page.GetByRole(AriaRole.Button, new() { Name = "Register", Exact = true }).ClickAsync();

        // Before: the new account landed on the gallery and the artwork was lost.
        await Page.WaitForURLAsync(new Regex($"/art/{model}/6"), CommittedOnly);
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Unfavorite", Exact = true })).ToBeVisibleAsync();
        await Expect(Page).Not.ToHaveURLAsync(new Regex("favorite=1"));
        await Page.GotoAsync("/favorites");
        await Expect(Page.Locator("[data-testid=favorite-item]")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task Gallery_Opened_ShowsPlaceholdersAtOnceThenPicturesAtTheirDisplaySize()
    {
        var response = await Page.GotoAsync("/", new() { WaitUntil = WaitUntilState.Commit });
        // In the first HTML: a skeleton per card, before any picture has arrived.
        var html = await response!.TextAsync();
        Assert.True(Regex.Matches(html, "mud-skeleton").Count >= 24, "no placeholders in the page as sent");

        await WaitForImagesLoadedAsync(Page, "[data-testid=artwork-card] img", minCount: 4);
        var widths = await Page.Locator("[data-testid=artwork-card] img").EvaluateAllAsync<int[]>(
            "imgs => imgs.filter(i => i.complete && i.naturalWidth > 0).map(i => i.naturalWidth)");
        // Before: the model's 64 px, stretched by the browser to ~210 px.
        Assert.All(widths, w => Assert.Equal(256, w));
        var alts = await Page.Locator("[data-testid=artwork-card] img").EvaluateAllAsync<string[]>("imgs => imgs.map(i => i.alt)");
        Assert.Equal(alts.Length, alts.Distinct().Count());
    }

    [Fact]
    public async Task Keyboard_FromTheTop_SkipLinkLeadsIntoMainAndCardsShowAFocusRing()
    {
        await Page.GotoAsync("/");
        await WaitForImagesLoadedAsync(Page, "[data-testid=artwork-card] img", minCount: 1);

        // The first thing a keyboard reaches on the page, shown when focused; it leads into <main>.
        var first = await Page.EvaluateAsync<string>(
            "() => document.querySelector('a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex=\"-1\"])').textContent.trim()");
        Assert.Equal("Skip to content", first);
        var skip = Page.GetByRole(AriaRole.Link, new() { Name = "Skip to content" });
        await skip.FocusAsync();
        await Expect(skip).ToBeInViewportAsync();
        await Page.Keyboard.PressAsync("Enter");
        await Expect(Page.Locator("main#main")).ToBeFocusedAsync();
        await Page.Locator("[data-testid=artwork-card]").First.FocusAsync();
        var outline = await Page.Locator("[data-testid=artwork-card]").First
            .EvaluateAsync<string>("e => getComputedStyle(e).outlineStyle + ' ' + getComputedStyle(e).outlineWidth");
        Assert.StartsWith("solid 3px", outline);
        await ScreenshotAsync("keyboard-focus-ring");
    }

    [Fact]
    public async Task UnknownUrl_InTheBrowser_ShowsAPageWithAWayBack()
    {
        var response = await Page.GotoAsync("/no/such/picture");

        Assert.Equal(404, response!.Status);
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Page not found" })).ToBeVisibleAsync();
        await ScreenshotAsync("not-found");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Back to the gallery" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/$"));
        Assert.DoesNotContain(BrowserErrors, e => e.Contains("favicon", StringComparison.OrdinalIgnoreCase));
    }
}
