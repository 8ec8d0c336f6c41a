using System.Text.RegularExpressions;
using ArtGallery.E2E.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace ArtGallery.E2E.Tests.Journeys;

/// <summary>
/// Issue 24 N7/N8 in a real browser: an open admin page ends when its admin signs out elsewhere, and a page on another
/// port of the same host (same-site, so the Lax cookie travels) cannot make the signed-in browser change anything.
/// </summary>
[Trait("Category","Slow")]
public sealed class SessionTests(AppFixture app, ITestOutputHelper output) : BrowserTest(app, output)
{
    [Fact]
    public async Task OpenAdminPage_SignedOutElsewhere_IsSentToSignInWithTheReason()
    {
        await UiSteps.SignInAsync(Page, "admin", AppFixture.AdminPassword);
        await Page.GotoAsync("/admin/datasets");
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Upload images", Exact = true })).ToBeEnabledAsync(); // the circuit is live

        var elsewhere = await App.NewContextAsync();
        var other = await elsewhere.NewPageAsync();
        await UiSteps.SignInAsync(other, "admin", AppFixture.AdminPassword);
        await other.GetByRole(AriaRole.Button, new() { Name = "Sign out", Exact = true }).ClickAsync(); // ends every session of admin
        await Expect(other.GetByRole(AriaRole.Link, new() { Name = "Sign in", Exact = true })).ToBeVisibleAsync();
        await elsewhere.CloseAsync();

        await Expect(Page).ToHaveURLAsync(new Regex("/account/login\\?error=ended"));
        await Expect(Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Your session has ended");
        await ScreenshotAsync("session-ended");
        await Page.GotoAsync("/admin/datasets");
        await Expect(Page).ToHaveURLAsync(new Regex("/account/login"));
    }

    [Fact]
    public async Task PageOnAnotherPort_CannotAddAFavoriteForTheSignedInUser()
    {
        await UiSteps.RegisterAsync(Page, "e2e" + Guid.NewGuid().ToString("N")[..8], "e2e-User-Passw0rd!");
        var (model, _) = await UiSteps.ActiveModelAsync(Page);
        var target = new Uri(App.BaseUrl, $"api/favorites/{model}/12345").ToString();
        // The attacker's page: a real server on another port of the same host (same-site, so the Lax cookie travels).
        await using var attacker = await AttackerSiteAsync();
        const string Post = "url => fetch(url, { method: 'POST', credentials: 'include', mode: 'no-cors' }).then(() => 'sent', e => 'failed: ' + e)";

        await Page.GotoAsync(attacker.Urls.First() + "/cats.html");
        Assert.Equal("sent", await Page.EvaluateAsync<string>(Post, target)); // the browser did send it, with the cookie
        Assert.Equal("[]", await (await Context.APIRequest.GetAsync("/api/favorites")).TextAsync());

        await Page.GotoAsync("/favorites"); // the same request from the app's own page is accepted
        Assert.Equal("sent", await Page.EvaluateAsync<string>(Post, target));
        Assert.Contains("12345", await (await Context.APIRequest.GetAsync("/api/favorites")).TextAsync());
    }

    private static async Task<WebApplication> AttackerSiteAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var site = builder.Build();
        site.MapGet("/cats.html", () => Results.Content("<html><body>cats</body></html>", "text/html"));
        await site.StartAsync();
        return site;
    }
}
