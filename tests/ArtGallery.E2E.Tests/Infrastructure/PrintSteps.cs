using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ArtGallery.E2E.Tests.Infrastructure;

/// <summary>The print dialog journey, shared by the test and the benchmark.</summary>
public static class PrintSteps
{
    /// <summary>Opens the print dialog on the current artwork page, renders candidates, picks one and downloads the print
    /// (with <paramref name="expectProgress"/>, the download's stage is seen while it renders).</summary>
    public static async Task<(byte[] Png, string FileName, string Href)> DownloadPrintAsync(
        IPage page, string size, int dpi, float timeoutMs, int pick = 0, bool expectProgress = false)
    {
        await OpenAndPickAsync(page, size, dpi, pick, timeoutMs);
        var link = page.Locator("a[data-testid=print-download]");
        await Expect(link).ToBeVisibleAsync(new() { Timeout = timeoutMs });
        var href = await link.GetAttributeAsync("href") ?? "";
        var download = await page.RunAndWaitForDownloadAsync(async () =>
        {
            await link.ClickAsync();
            if (expectProgress) await Expect(page.Locator("[data-testid=print-progress]")).ToContainTextAsync("Step");
        }, new() { Timeout = timeoutMs });
        var path = await download.PathAsync();
        return (await File.ReadAllBytesAsync(path), download.SuggestedFilename, href);
    }

    /// <summary>Opens the dialog, chooses size (portrait) and DPI, shows the candidates and picks one.</summary>
    public static async Task OpenAndPickAsync(IPage page, string size, int dpi, int pick, float timeoutMs)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Print", Exact = true }).ClickAsync();
        await UiSteps.ChooseAsync(page, "Print size", size);
        await UiSteps.ChooseAsync(page, "Orientation", "portrait");
        await UiSteps.FillAsync(page, "DPI", dpi.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Render candidates", Exact = true }).ClickAsync();
        var candidates = page.Locator("img[data-testid=print-candidate]");
        await Expect(candidates.Nth(pick)).ToBeVisibleAsync(new() { Timeout = timeoutMs });
        await page.GetByRole(AriaRole.Radio, new() { Name = $"Candidate {pick + 1}", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Radio, new() { Name = $"Candidate {pick + 1}", Exact = true })).ToHaveAttributeAsync("aria-checked", "true");
    }
}
