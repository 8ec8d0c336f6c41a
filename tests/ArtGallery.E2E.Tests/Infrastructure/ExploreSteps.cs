using Microsoft.Playwright;

namespace ArtGallery.E2E.Tests.Infrastructure;

/// <summary>Explore-page moves shared by the journey and the benchmark.</summary>
public static class ExploreSteps
{
    /// <summary>Waits until the model's directions are found and calibrated (once per model, minutes on a busy first start),
    /// so a slider move renders at once instead of waiting for them.</summary>
    public static Task WaitForDirectionsAsync(IPage page) =>
        Microsoft.Playwright.Assertions.Expect(page.Locator("[data-testid=directions-status]"))
            .ToContainTextAsync("Each slider", new() { Timeout = 600_000 });

    /// <summary>The slider with the given accessible name.</summary>
    public static ILocator Slider(IPage page, string name) =>
        page.GetByRole(AriaRole.Slider, new() { Name = name, Exact = true });

    /// <summary>Drags the slider's thumb with the mouse from the middle to a fraction of its width, as a person would.</summary>
    public static async Task DragSliderAsync(IPage page, string name, double toFraction)
    {
        var slider = Slider(page, name);
        await slider.ScrollIntoViewIfNeededAsync();
        var box = await slider.BoundingBoxAsync() ?? throw new InvalidOperationException($"Slider '{name}' is not visible.");
        var y = box.Y + box.Height / 2;
        await page.Mouse.MoveAsync(box.X + box.Width / 2, y);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(box.X + box.Width * (float)toFraction, y, new() { Steps = 8 });
        await page.Mouse.UpAsync();
    }

    /// <summary>Waits until the explore image is the fully decoded picture of the slider's final value (edit
    /// <paramref name="key"/> in its URL): a drag renders values on the way, so the first new picture may be one of those.</summary>
    public static async Task<string> WaitForImageAtSliderValueAsync(IPage page, string name, string key, float timeoutMs = 30_000)
    {
        double value = double.Parse(await Slider(page, name).InputValueAsync(), System.Globalization.CultureInfo.InvariantCulture);
        var handle = await page.WaitForFunctionAsync(
            "([key, value]) => { const i = document.querySelector('img[data-testid=explore-image]'); " +
                "if (!i || !i.complete || i.naturalWidth === 0) return null; " +
                "const edits = new URL(i.getAttribute('src'), location.href).searchParams.get('edits') || ''; " +
                "const edit = edits.split(',').map(p => p.split(':')).find(p => p[0] === key); " +
                "return edit && Math.abs(parseFloat(edit[1]) - value) < 1e-6 ? i.getAttribute('src') : null; }",
            new object[] { key, value }, new() { Timeout = timeoutMs, PollingInterval = 50 });
        return await handle.JsonValueAsync<string>();
    }

    /// <summary>Waits until the explore image shows a different, fully decoded picture; returns its src.</summary>
    public static async Task<string> WaitForNewImageAsync(IPage page, string oldSrc, float timeoutMs = 30_000)
    {
        var handle = await page.WaitForFunctionAsync(
            "old => { const i = document.querySelector('img[data-testid=explore-image]'); return i && i.getAttribute('src') !== old && i.complete && " +
                "i.naturalWidth > 0 ? i.getAttribute('src') : null; }",
            oldSrc, new() { Timeout = timeoutMs, PollingInterval = 50 });
        return await handle.JsonValueAsync<string>();
    }
}
