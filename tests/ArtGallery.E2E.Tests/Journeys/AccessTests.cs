using System.Text.RegularExpressions;
using ArtGallery.E2E.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace ArtGallery.E2E.Tests.Journeys;

/// <summary>Accounts as a person meets them: bad passwords are explained, admin pages stay closed to users.</summary>
[Trait("Category","Slow")]
public sealed class AccessTests(AppFixture app, ITestOutputHelper output) : BrowserTest(app, output)
{
    [Fact]
    public async Task SignIn_WrongPassword_ShowsAlertAndStaysSignedOut()
    {
        await Page.GotoAsync("/account/login");
        await Page.GetByLabel("User name", new() { Exact = true }).FillAsync("admin");
        await Page.GetByLabel("Password", new() { Exact = true }).FillAsync("not-the-password");

        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Training", Exact = true })).ToHaveCountAsync(0);
        await ScreenshotAsync("login-wrong-password");
    }

    [Fact]
    public async Task AdminPages_SignedInUser_AreRefused()
    {
        await UiSteps.RegisterAsync(Page, "e2e" + Guid.NewGuid().ToString("N")[..8], "e2e-User-Passw0rd!");

        await Page.GotoAsync("/admin/training");

        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Start", Exact = true })).ToHaveCountAsync(0);
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Training", Exact = true })).ToHaveCountAsync(0);
        await ScreenshotAsync("user-on-admin-page");
        await Page.GotoAsync("/admin/datasets");
        await Expect(Page.GetByLabel("Upload images", new() { Exact = true })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task SignOut_AfterSignIn_ShowsSignInLinkAgain()
    {
        await UiSteps.SignInAsync(Page, "admin", AppFixture.AdminPassword);
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Training", Exact = true })).ToBeVisibleAsync();

        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign out", Exact = true }).ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Sign in", Exact = true })).ToBeVisibleAsync();
        await Page.GotoAsync("/admin/training");
        await Expect(Page).ToHaveURLAsync(new Regex("/account/(login|denied)"));
    }
}
