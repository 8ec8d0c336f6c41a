using System.Text.RegularExpressions;
using ArtGallery.E2E.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace ArtGallery.E2E.Tests.Journeys;

/// <summary>An admin trains the detail model of a finished run from the training page and watches its strips arrive.</summary>
[Trait("Category","Slow")]
public sealed class DetailTrainingJourneyTests(AppFixture app, ITestOutputHelper output) : BrowserTest(app, output)
{
    [Fact]
    public async Task FinishedRun_TrainDetailModel_LiveStripThenFinished()
    {
        await UiSteps.SignInAsync(Page, "admin", AppFixture.AdminPassword);
        // A tiny 16 px run to train a detail model for (started over the API: the form is another journey's).
        var start = await Page.APIRequest.PostAsync("/api/training/start", new()
        {
            DataObject = new { dataset = "builtin:abstract", maxResolution = 16, kimgPerPhase = 0.1, minutes = 2 },
        });
        Assert.Equal(202, start.Status);
        await Page.GotoAsync("/admin/training");
        var status = Page.Locator("[data-testid=training-status]");
        await Expect(status).ToContainTextAsync(new Regex("finished|stopped", RegexOptions.IgnoreCase), new() { Timeout = 180_000 });

        await Page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Train the detail model of run-") }).First.ClickAsync();
        // The training form has a Minutes field too: fill the dialog's.
        var dialog = Page.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("Minutes", new() { Exact = true }).FillAsync("0.5");
        await dialog.GetByLabel("Threads", new() { Exact = true }).FillAsync("1");
        await dialog.GetByLabel("Threads", new() { Exact = true }).BlurAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Train", Exact = true }).ClickAsync();

        var line = Page.Locator("[data-testid=detail-line]");
        await Expect(line).ToContainTextAsync("running", new() { Timeout = 120_000 });
        await WaitForImagesLoadedAsync(Page, "img[data-testid=detail-strip]", timeoutMs: 120_000);
        await Expect(Page.GetByRole(AriaRole.Progressbar, new() { Name = "Detail training progress" })).ToBeVisibleAsync();
        var shot = await ScreenshotAsync("detail-training-live");
        if (Environment.GetEnvironmentVariable("ARTGALLERY_DOC_SCREENSHOT") is { Length: > 0 } copy) File.Copy(shot, copy, overwrite: true);
        await Expect(line).ToContainTextAsync("finished", new() { Timeout = 120_000 });
        await Expect(Page.Locator("[data-testid=detail-message]")).ToContainTextAsync("saved");
    }
}
