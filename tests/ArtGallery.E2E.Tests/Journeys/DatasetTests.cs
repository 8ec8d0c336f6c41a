using ArtGallery.E2E.Tests.Infrastructure;
using Microsoft.Playwright;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace ArtGallery.E2E.Tests.Journeys;

/// <summary>An admin uploads images; good files become a dataset with thumbnails, bad ones are listed with a reason.</summary>
[Trait("Category","Slow")]
public sealed class DatasetTests(AppFixture app, ITestOutputHelper output) : BrowserTest(app, output)
{
    [Fact]
    public async Task Upload_TwoPngsAndOneBrokenFile_ImportsTwoAndReportsRefusal()
    {
        await UiSteps.SignInAsync(Page, "admin", AppFixture.AdminPassword);
        await Page.GotoAsync("/admin/datasets");
        var input = Page.GetByLabel("Upload images", new() { Exact = true });
        await Expect(input).ToBeEnabledAsync(); // enabled once the circuit is interactive
        var cardsBefore = await Page.Locator("[data-testid=dataset-card]").CountAsync();

        await input.SetInputFilesAsync(new[]
        {
            new FilePayload { Name = "red.png", MimeType = "image/png", Buffer = Png(new Rgb24(220, 40, 30)) },
            new FilePayload { Name = "blue.png", MimeType = "image/png", Buffer = Png(new Rgb24(20, 60, 200)) },
            new FilePayload { Name = "broken.png", MimeType = "image/png", Buffer = "this is not an image"u8.ToArray() },
        });

        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Imported 2");
        var refusal = Page.Locator("[data-testid=upload-refusal]");
        await Expect(refusal).ToHaveCountAsync(1);
        await Expect(refusal).ToContainTextAsync("broken.png");
        await Expect(Page.Locator("[data-testid=dataset-card]")).ToHaveCountAsync(cardsBefore + 1);
        await WaitForImagesLoadedAsync(Page, "[data-testid=dataset-card] img", minCount: 2);
        await ScreenshotAsync("datasets-after-upload");
    }

    [Fact]
    public async Task Upload_ThousandsOfFilesWithOrdinaryNames_AllImportedWithProgress()
    {
        // About 300 such names overflowed the hub's 32 KB message limit when the picker sent them in one message.
        const int count = 2500;
        await UiSteps.SignInAsync(Page, "admin", AppFixture.AdminPassword);
        await Page.GotoAsync("/admin/datasets");
        var input = Page.GetByLabel("Upload images", new() { Exact = true });
        await Expect(input).ToBeEnabledAsync();
        var files = Enumerable.Range(0, count).Select(i => new FilePayload
        {
            Name = $"holiday-2024-family-photo-{i:D5}.png",
            MimeType = "image/png",
            Buffer = Png(new Rgb24((byte)(i * 37), (byte)(i / 7), (byte)(i * 11)), 16, stripe: true),
        }).Append(new FilePayload { Name = "notes-from-the-trip.png", MimeType = "image/png", Buffer = "not an image"u8.ToArray() });

        await input.SetInputFilesAsync(files);
        await Expect(Page.GetByTestId("upload-progress")).ToContainTextAsync("Received"); // per-file progress while it streams
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync($"Imported {count} images", new() { Timeout = 300_000 });
        var refusal = Page.Locator("[data-testid=upload-refusal]");
        await Expect(refusal).ToHaveCountAsync(1);
        await Expect(refusal).ToContainTextAsync("notes-from-the-trip.png");
        await ScreenshotAsync("datasets-after-2500-files");
    }

    private static byte[] Png(Rgb24 colour, int side = 64, bool stripe = false)
    {
        using var image = new Image<Rgb24>(side, side, colour);
        if (stripe) for (int x = 0; x < side; x++) image[x, side / 2] = new Rgb24(255, 255, 255); // not uniform: no warning
        using var stream = new MemoryStream();
        image.SaveAsPng(stream);
        return stream.ToArray();
    }
}
