using ArtGallery.E2E.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace ArtGallery.E2E.Tests.Journeys;

/// <summary>The app is up and a real browser can load its home page.</summary>
[Trait("Category","Slow")]
public sealed class SmokeTests(AppFixture app, ITestOutputHelper output) : BrowserTest(app, output)
{
    [Fact]
    public async Task Health_Get_Returns200()
    {
        var response = await Page.APIRequest.GetAsync("/health");

        Assert.Equal(200, response.Status);
        Assert.Equal("Healthy", await response.TextAsync());
    }

    [Fact]
    public async Task HomePage_Open_LoadsInBrowser()
    {
        var response = await Page.GotoAsync("/");

        Assert.NotNull(response);
        Assert.True(response.Ok, $"GET / returned {response.Status}");
        await ScreenshotAsync("home");
    }
}
