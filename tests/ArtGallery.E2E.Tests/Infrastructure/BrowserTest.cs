using Microsoft.Playwright;
using Xunit.Abstractions;

namespace ArtGallery.E2E.Tests.Infrastructure;

/// <summary>Base of the journeys: a fresh browser context and page per test, screenshots saved as artifacts.</summary>
[Collection("Sequential")]
public abstract class BrowserTest(AppFixture app, ITestOutputHelper output) : IAsyncLifetime
{
    /// <summary>Generous but bounded wait for anything the app does on a loaded 2-core machine.</summary>
    protected const float DefaultTimeoutMs = 30_000;

    /// <summary>Wait for a navigation's URL only, not its load event: an artwork page's load waits for every picture on it,
    /// large views included, which a loaded machine can take longer than the timeout to draw. What the test needs from the
    /// page is then awaited by its own assertions.</summary>
    public static PageWaitForURLOptions CommittedOnly => new() { WaitUntil = WaitUntilState.Commit };

    private readonly List<string> browserErrors = [];

    /// <summary>The shared app fixture.</summary>
    protected AppFixture App { get; } = app;

    /// <summary>xunit output, for artifact paths and measurements.</summary>
    protected ITestOutputHelper Output { get; } = output;

    /// <summary>This test's isolated browser context.</summary>
    protected IBrowserContext Context { get; private set; } = null!;

    /// <summary>This test's page.</summary>
    protected IPage Page { get; private set; } = null!;

    /// <summary>Console errors and uncaught exceptions seen so far.</summary>
    protected IReadOnlyList<string> BrowserErrors => browserErrors;

    /// <summary>Opens the context and page.</summary>
    public virtual async Task InitializeAsync()
    {
        Assertions.SetDefaultExpectTimeout(DefaultTimeoutMs);
        Context = await App.NewContextAsync();
        Context.SetDefaultTimeout(DefaultTimeoutMs);
        Context.SetDefaultNavigationTimeout(DefaultTimeoutMs);
        Page = await Context.NewPageAsync();
        // Browser-side errors explain most E2E failures; they are printed at the end of each test.
        Page.Console += (_, m) => { if (m.Type == "error") browserErrors.Add("console: " + m.Text); };
        Page.PageError += (_, e) => browserErrors.Add("pageerror: " + e);
    }

    /// <summary>Closes the context.</summary>
    public virtual async Task DisposeAsync()
    {
        foreach (var e in browserErrors.Take(20)) Output.WriteLine(e);
        await Context.CloseAsync();
    }

    /// <summary>Saves a full-page screenshot named after the test step and prints its path.</summary>
    protected async Task<string> ScreenshotAsync(string name, IPage? page = null)
    {
        var path = Path.Combine(App.ScreenshotDirectory, $"{GetType().Name}.{name}.png");
        page ??= Page;
        // From the top: a full-page shot of a scrolled page repeats the sticky app bar mid-page.
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        Output.WriteLine($"screenshot: {path}");
        return path;
    }

    /// <summary>Waits until at least <paramref name="minCount"/> imgs match the CSS selector and all have decoded pixels (naturalWidth &gt; 0).</summary>
    protected static async Task WaitForImagesLoadedAsync(IPage page, string cssSelector, int minCount = 1, float timeoutMs = DefaultTimeoutMs)
    {
        var handle = await page.WaitForFunctionAsync(
            "([sel, min]) => { const imgs = [...document.querySelectorAll(sel)]; return imgs.length >= min && imgs.every(i => i.complete && i.naturalWidth > 0); }",
            new object[] { cssSelector, minCount }, new PageWaitForFunctionOptions { Timeout = timeoutMs, PollingInterval = 100 });
        await handle.DisposeAsync();
    }
}
