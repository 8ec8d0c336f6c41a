using System.Text.RegularExpressions;
using ArtGallery.E2E.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace ArtGallery.E2E.Tests.Journeys;

/// <summary>An admin starts a tiny training run, watches a live sample arrive over SignalR, and stops it.</summary>
[Trait("Category","Slow")]
public sealed class TrainingTests(AppFixture app, ITestOutputHelper output) : BrowserTest(app, output)
{
    [Fact]
    public async Task TinyRun_StartPauseResumeStop_ShowsLiveSampleAndEachStatus()
    {
        await UiSteps.SignInAsync(Page, "admin", AppFixture.AdminPassword);
        await Page.GotoAsync("/admin/training");
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Start", Exact = true })).ToBeEnabledAsync();
        await ScreenshotAsync("training-form");
        await UiSteps.ChooseAsync(Page, "Max resolution", "8");
        // A schedule of its own (the form fits one to the minutes by default).
        await Page.GetByLabel("Fit the schedule to the time budget", new() { Exact = true }).UncheckAsync();
        await UiSteps.FillAsync(Page, "Kimg per phase", "2");
        await UiSteps.FillAsync(Page, "Minutes", "2");

        await Page.GetByRole(AriaRole.Button, new() { Name = "Start", Exact = true }).ClickAsync();

        var status = Page.Locator("[data-testid=training-status]");
        await Expect(status).ToContainTextAsync(new Regex("running", RegexOptions.IgnoreCase));
        // The first sample grid is pushed by the hub after the first training steps.
        await WaitForImagesLoadedAsync(Page, "img[data-testid=live-sample]", timeoutMs: 120_000);
        await ScreenshotAsync("training-live-sample");
        await Expect(Page.Locator("[data-testid=sample-timeline]")).ToBeVisibleAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Pause", Exact = true }).ClickAsync();
        await Expect(status).ToContainTextAsync(new Regex("paused", RegexOptions.IgnoreCase), new() { Timeout = 60_000 });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Resume", Exact = true }).ClickAsync();
        await Expect(status).ToContainTextAsync(new Regex("running", RegexOptions.IgnoreCase), new() { Timeout = 60_000 });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Stop", Exact = true }).ClickAsync();
        await Expect(status).ToContainTextAsync(new Regex("stopped", RegexOptions.IgnoreCase), new() { Timeout = 60_000 });
        // A stopped run keeps its checkpoint, offered for the gallery.
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Make active", Exact = true }).First).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Slider, new() { Name = "Sample timeline", Exact = true })).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Img, new() { Name = "Loss D / G over kimg", Exact = true })).ToBeVisibleAsync();
        await ScreenshotAsync("training-stopped");

        // A stopped run can be trained on: its last phase made longer, from the page.
        await Page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Extend run-") }).First.ClickAsync();
        await Expect(Page.GetByLabel("Last phase kimg", new() { Exact = true })).ToBeVisibleAsync();
        await ScreenshotAsync("training-extend-dialog");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Extend", Exact = true }).ClickAsync();
        await Expect(status).ToContainTextAsync(new Regex("running", RegexOptions.IgnoreCase), new() { Timeout = 60_000 });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Stop", Exact = true }).ClickAsync();
        await Expect(status).ToContainTextAsync(new Regex("stopped", RegexOptions.IgnoreCase), new() { Timeout = 60_000 });
    }

    [Fact]
    public async Task TrainingPage_AnonymousVisitor_IsNotShownAdminControls()
    {
        var response = await Page.GotoAsync("/admin/training");

        Assert.NotNull(response);
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Start", Exact = true })).ToHaveCountAsync(0);
        await ScreenshotAsync("training-anonymous");
    }
}
