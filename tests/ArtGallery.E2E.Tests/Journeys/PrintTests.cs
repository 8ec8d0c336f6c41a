using ArtGallery.E2E.Tests.Infrastructure;
using Xunit.Abstractions;

namespace ArtGallery.E2E.Tests.Journeys;

/// <summary>A visitor orders a print-ready PNG and gets exactly size x DPI pixels with the DPI written in the file.</summary>
[Trait("Category","Slow")]
public sealed class PrintTests(AppFixture app, ITestOutputHelper output) : BrowserTest(app, output)
{
    [Theory]
    [InlineData("8x10", 30, 240, 300, 1)]
    [InlineData("12x15", 300, 3600, 4500, 0)] // the contract's size: ~12 s on a quiet machine, over 90 s with 4 other jobs on its 2 cores
    public async Task PrintDialog_SizeAndDpi_DownloadsExactPixelsWithDpi(string size, int dpi, int width, int height, int pick)
    {
        var artwork = await UiSteps.OpenFirstArtworkAsync(Page);

        // The big print renders for seconds, long enough to see the progress indicator without racing it.
        var (png, fileName, href) = await PrintSteps.DownloadPrintAsync(Page, size, dpi, timeoutMs: 240_000, pick, expectProgress: dpi >= 300);

        await ScreenshotAsync($"print-dialog-{size}");
        var info = PngInfo.Parse(png);
        Output.WriteLine($"{artwork} -> {href} -> {fileName}: {info.Width}x{info.Height} px, {info.DpiX:F1} dpi, {png.Length} bytes");
        Assert.Equal((width, height), (info.Width, info.Height));
        Assert.Equal(dpi, info.DpiX!.Value, precision: 0);
        Assert.Equal(dpi, info.DpiY!.Value, precision: 0);
        Assert.True(info.HasSrgb, "the print must declare sRGB");
        Assert.Contains(size, fileName, StringComparison.Ordinal);
        Assert.Contains($"size={size}", href, StringComparison.Ordinal);
        // The parameters that reproduce the print travel in tEXt chunks.
        var seed = System.Text.RegularExpressions.Regex.Match(artwork, @"/art/[^/]+/(-?\d+)").Groups[1].Value;
        Assert.Equal(seed, info.Text.GetValueOrDefault("Seed"));
        Assert.Equal(dpi.ToString(System.Globalization.CultureInfo.InvariantCulture), info.Text.GetValueOrDefault("DPI"));
        Assert.False(string.IsNullOrEmpty(info.Text.GetValueOrDefault("Model")));
        // The picked candidate is the one downloaded.
        Assert.Contains($"candidate={pick}", href, StringComparison.Ordinal);
        Assert.Equal(pick.ToString(System.Globalization.CultureInfo.InvariantCulture), info.Text.GetValueOrDefault("Candidate"));
    }

    [Fact]
    public async Task PrintEndpoint_LandscapeWithPageCookies_SwapsPixelSize()
    {
        await Page.GotoAsync("/");

        var response = await Page.APIRequest.GetAsync("/api/artworks/active/7/print?size=8x10&dpi=30&orientation=landscape");

        Assert.Equal(200, response.Status);
        var info = PngInfo.Parse(await response.BodyAsync());
        Assert.Equal((300, 240), (info.Width, info.Height));
        Assert.Equal(30, info.DpiX!.Value, precision: 0);
    }
}
