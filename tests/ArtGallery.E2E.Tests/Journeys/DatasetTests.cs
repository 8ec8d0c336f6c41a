using ArtGallery.E2E.Tests.Infrastructure;
using Microsoft.Playwright;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace ArtGallery.E2E.Tests.Journeys;

/// <summary>An admin uploads images; good files become a dataset with thumbnails, bad ones are listed with a reason.</summary>
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

    private static byte[] Png(Rgb24 colour)
    {
        using var image = new Image<Rgb24>(64, 64, colour);
        using var stream = new MemoryStream();
        image.SaveAsPng(stream);
        return stream.ToArray();
    }
}
