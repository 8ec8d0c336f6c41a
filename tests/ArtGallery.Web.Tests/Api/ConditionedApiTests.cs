using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using ArtGallery.Gan.Conditioning;
using ArtGallery.Imaging;
using ArtGallery.Web.Api;
using ArtGallery.Web.Rendering;
using ArtGallery.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace ArtGallery.Web.Tests.Api;

/// <summary>Issue 21 over HTTP: <c>palette=</c> and <c>like=</c> on a real conditioned model (trained for seconds), its collection,
/// favorites and prints carrying the condition exactly, and every bad input a 400 naming the parameter with nothing cached.</summary>
[Collection("Sequential")]
public sealed partial class ConditionedApiTests(TinyConditionedModel model, SharedApp shared) : IClassFixture<TinyConditionedModel>, IClassFixture<SharedApp>
{
    private const string TwoColours = "FF0000-00FF00";

    private AppFactory app => shared.For(model.ModelPath);

    private long CacheEntries => app.Services.GetRequiredService<ArtRenderer>().CacheSize.Entries;

    [Fact]
    public async Task Png_PaletteAndLike_ChangeThePictureAndRepeatExactly()
    {
        var client = app.CreateClient();
        var plain = await client.GetByteArrayAsync("/api/artworks/active/5.png");
        var coloured = await client.GetByteArrayAsync($"/api/artworks/active/5.png?palette={TwoColours}");
        var liked = await client.GetByteArrayAsync("/api/artworks/active/5.png?like=3");
        var likedOther = await client.GetByteArrayAsync("/api/artworks/active/5.png?like=4");
        Assert.NotEqual(plain, coloured);
        Assert.NotEqual(liked, likedOther);
        Assert.Equal(coloured, await client.GetByteArrayAsync($"/api/artworks/{model.ModelId}/5.png?palette={TwoColours}"));
        var text = PngInspector.Read(await client.GetByteArrayAsync($"/api/artworks/active/5.png?like=3&palette={TwoColours}")).Text;
        Assert.Equal(("3", TwoColours), (text["Like"], text["Palette"]));
    }

    [Fact]
    public async Task Png_Palette_PixelsLieNearTheRequestedColoursAndPrintsFollow()
    {
        const string palette = "1E3A8A-FFD700-FF0000";
        Assert.True(PaletteText.TryParse(palette, out var colours, out _));
        var client = app.CreateClient();
        async Task<double> Distance(string url)
        {
            using var image = Image.Load<Rgb24>(await client.GetByteArrayAsync(url));
            var pixels = new Rgb24[image.Width * image.Height];
            image.CopyPixelDataTo(pixels);
            return pixels.Average(p => colours.Min(c => Math.Sqrt(Math.Pow(p.R / 255.0 - c.R, 2) + Math.Pow(p.G / 255.0 - c.G, 2) + Math.Pow(p.B / 255.0 - c.B, 2))));
        }
        double artwork = await Distance($"/api/artworks/active/5.png?palette={palette}");
        Assert.True(artwork < 0.10, $"mean distance {artwork:0.000} to the requested colours");
        // The print enlarges the recoloured picture (8 px here, so Lanczos blends neighbours nearly everywhere).
        const string print = "/api/artworks/active/5/print?size=4x5&dpi=20&upscaler=lanczos";
        double printed = await Distance($"{print}&palette={palette}"), plain = await Distance(print);
        Assert.True(printed < plain / 2, $"print: {printed:0.000} in the palette, {plain:0.000} without");
    }

    [Fact]
    public async Task Png_SamePictureWrittenTwoWays_OneCacheEntry()
    {
        var client = app.CreateClient();
        long before = CacheEntries;
        var upper = await client.GetByteArrayAsync("/api/artworks/active/11.png?palette=AB12CD-00FF7F-102030&like=2");
        var lower = await client.GetByteArrayAsync("/api/artworks/active/11.png?like=2&palette=ab12cd-00ff7f-102030");
        Assert.Equal(upper, lower);
        Assert.Equal(before + 1, CacheEntries);
    }

    [Theory]
    [InlineData("trunc=0.5")]
    [InlineData("edits=pc1:1.5")]
    [InlineData("size=64")]
    [InlineData("view=large")]
    public async Task Png_ConditionCombinesWithTodaysParameters(string other)
    {
        var client = app.CreateClient();
        var without = await client.GetAsync($"/api/artworks/active/8.png?{other}");
        var with = await client.GetAsync($"/api/artworks/active/8.png?{other}&like=1&palette={TwoColours}");
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (without.StatusCode, with.StatusCode));
        Assert.NotEqual(await without.Content.ReadAsByteArrayAsync(), await with.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("palette=FF0000", "palette")] // 1 colour
    [InlineData("palette=000000-111111-222222-333333-444444-555555-666666-777777-888888", "palette")] // 9 colours
    [InlineData("palette=FF00-00FF00", "palette")]
    [InlineData("palette=GG0000-00FF00", "palette")]
    [InlineData("palette=%23FF0000-%2300FF00", "palette")]
    [InlineData("like=64", "like")] // the collection has 0..63
    [InlineData("like=-1", "like")]
    [InlineData("like=abc", "like")]
    [InlineData("like=1.5", "like")]
    [InlineData("like=99999999999", "like")]
    public async Task BadCondition_400NamingTheParameter_NothingCached(string query, string parameter)
    {
        var client = app.CreateClient();
        long before = CacheEntries;
        foreach (var url in new[] { $"/api/artworks/active/3.png?{query}", $"/api/artworks/active/3.png?size=64&{query}", $"/api/artworks/active/3/print?size=4x5&dpi=10&{query}" })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.StartsWith(parameter, (await response.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail);
        }
        Assert.Equal(before, CacheEntries);
    }

    [Fact]
    public async Task Collection_ListsEveryPictureWithHexPalettesAndThumbnails()
    {
        var client = app.CreateClient();
        var pictures = (await client.GetFromJsonAsync<List<CollectionPictureDto>>("/api/models/active/collection"))!;
        Assert.Equal(Enumerable.Range(0, 64), pictures.Select(p => p.Index));
        Assert.All(pictures, p => Assert.All(p.Palette, hex => Assert.Matches(Hex(), hex)));
        Assert.All(pictures, p => Assert.InRange(p.Palette.Count, 2, 8));
        // The builtin paintings use many palettes: the extracted ones are not all the same.
        Assert.True(pictures.Select(p => string.Join('-', p.Palette)).Distinct().Count() > 10);
        var thumbnail = await client.GetAsync("/api/models/active/collection/63.png");
        Assert.Equal("image/png", thumbnail.Content.Headers.ContentType?.MediaType);
        Assert.Equal(32, PngInspector.Read(await thumbnail.Content.ReadAsByteArrayAsync()).Width);
        Assert.NotEqual(await client.GetByteArrayAsync("/api/models/active/collection/0.png"), await thumbnail.Content.ReadAsByteArrayAsync());
        // A listed palette is a valid palette= value.
        var shown = await client.GetAsync($"/api/artworks/active/5.png?palette={string.Join('-', pictures[7].Palette)}");
        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
    }

    [Theory]
    [InlineData("/api/models/active/collection/64.png", HttpStatusCode.NotFound)]
    [InlineData("/api/models/active/collection/x.png", HttpStatusCode.BadRequest)]
    [InlineData("/api/models/nosuchmodel/collection", HttpStatusCode.NotFound)]
    public async Task Collection_BadIndexOrModel_ProblemDetails(string url, HttpStatusCode status)
    {
        var response = await app.CreateClient().GetAsync(url);
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Print_CarriesTheConditionThroughThePrintDialogsLink()
    {
        var artwork = ArtworkParser.Parse(app.Services.GetRequiredService<ModelCatalog>(), "active", 9, "0.8", null, null, "5", "0A0B0C-F0E0D0", out _, out _)!;
        var url = PrintQuery.For(artwork, "4x5", "portrait", 20, 0.5, 0).Url(artwork.ModelId, artwork.Seed);
        Assert.Contains("like=5", url);
        Assert.Contains("palette=0A0B0C-F0E0D0", url);
        var print = await app.CreateClient().GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, print.StatusCode);
        var text = PngInspector.Read(await print.Content.ReadAsByteArrayAsync()).Text;
        Assert.Equal(("5", "0A0B0C-F0E0D0", "0.8"), (text["Like"], text["Palette"], text["Truncation"]));
        var plain = await app.CreateClient().GetByteArrayAsync("/api/artworks/active/9/print?size=4x5&dpi=20&trunc=0.8");
        Assert.NotEqual(plain, await print.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Favorite_StoresTheConditionAndItsUrlRendersTheSamePicture()
    {
        var user = await Session.UserAsync(app);
        var added = await user.PostAsync($"/api/favorites/active/21?like=6&palette=ff0000-00ff00&trunc=0.9", null);
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        var plainFavorite = await user.PostAsync("/api/favorites/active/21?trunc=0.9", null);
        Assert.Equal(HttpStatusCode.OK, plainFavorite.StatusCode);
        var favorites = await user.GetFromJsonAsync<List<FavoriteDto>>("/api/favorites");
        var conditioned = Assert.Single(favorites!, f => f.Like is not null);
        Assert.Equal((6, TwoColours), (conditioned.Like, conditioned.Palette));
        Assert.Equal(2, favorites!.Count);
        var direct = await user.GetByteArrayAsync($"/api/artworks/{model.ModelId}/21.png?trunc=0.9&like=6&palette={TwoColours}");
        Assert.Equal(direct, await user.GetByteArrayAsync(conditioned.ImageUrl));
        // The artwork page of that URL shows that picture and the page lists it as a favorite of this user.
        var page = await user.GetStringAsync(ArtworkUrl(conditioned.ImageUrl));
        Assert.Contains($"palette={TwoColours}", page);
        var favoritesPage = await user.GetStringAsync("/favorites");
        Assert.Contains("around picture 6", favoritesPage);
        Assert.Contains($"colours {TwoColours}", favoritesPage);
        var bad = await user.PostAsync("/api/favorites/active/21?like=64", null);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.StartsWith("like", (await bad.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail);
    }

    [Fact]
    public async Task ArtworkPage_ConditionInTheUrl_ImageAndLinksCarryIt()
    {
        var page = await app.CreateClient().GetStringAsync($"/art/active/4?like=2&palette={TwoColours}");
        Assert.Contains($"/api/artworks/{model.ModelId}/4.png?view=large&amp;like=2&amp;palette={TwoColours}", page);
        var bad = await app.CreateClient().GetStringAsync("/art/active/4?like=500");
        Assert.Contains("like must be a collection index 0..63", bad);
        Assert.Contains("palette: &#x27;FF&#x27; is not a colour", await app.CreateClient().GetStringAsync("/explore?seed=4&palette=FF-00FF00"));
    }

    [Fact]
    public async Task Gallery_InAPalette_EveryCardCarriesIt()
    {
        var page = await app.CreateClient().GetStringAsync($"/?palette={TwoColours.ToLowerInvariant()}");
        Assert.Equal(24, System.Text.RegularExpressions.Regex.Matches(page, $"<img src=\"/api/artworks/{model.ModelId}/\\d+\\.png\\?size=256&amp;palette={TwoColours}\"").Count);
        var bad = await app.CreateClient().GetStringAsync("/?like=64");
        Assert.Contains("like must be a collection index 0..63", bad);
        Assert.DoesNotContain(".png?size=256&amp;like=", bad); // the cards fall back to the pictures' own conditions
    }

    private static string ArtworkUrl(string imageUrl) =>
        imageUrl.Replace("/api/artworks/", "/art/").Replace(".png", "");

    [GeneratedRegex("^[0-9A-F]{6}$")]
    private static partial Regex Hex();
}
