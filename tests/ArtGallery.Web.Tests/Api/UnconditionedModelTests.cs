using System.Net;
using System.Net.Http.Json;
using ArtGallery.Web.Components.Pages.Collection;
using ArtGallery.Web.Rendering;
using ArtGallery.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace ArtGallery.Web.Tests.Api;

/// <summary>A model trained without conditions (today's recipes) after issue 21: still renders, edits and prints; refuses
/// palette/like in words (400 naming the parameter, nothing cached); has no collection (404 saying why).</summary>
[Collection("Sequential")]
public sealed class UnconditionedModelTests(TinyModel model, SharedApp shared) : IClassFixture<SharedApp>
{
    private AppFactory app => shared.For(model.ModelPath);

    [Fact]
    public async Task PlainModel_StillRendersEditsAndPrints()
    {
        var client = app.CreateClient();
        foreach (var url in new[] { "/api/artworks/active/2.png", "/api/artworks/active/2.png?edits=pc1:1&trunc=0.6", "/api/artworks/active/2/print?size=4x5&dpi=20&edits=pc1:1" })
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url)).StatusCode);
    }

    [Theory]
    [InlineData("palette=FF0000-00FF00", "palette")]
    [InlineData("like=0", "like")]
    [InlineData("like=0&palette=FF0000-00FF00", "like and palette")]
    public async Task Condition_OnPlainModel_400NamingTheParameter_NothingCached(string query, string parameter)
    {
        var client = app.CreateClient();
        var renderer = app.Services.GetRequiredService<ArtRenderer>();
        long before = renderer.CacheSize.Entries;
        foreach (var url in new[] { $"/api/artworks/active/2.png?{query}", $"/api/artworks/active/2/print?size=4x5&dpi=20&{query}" })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var detail = (await response.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail!;
            Assert.StartsWith(parameter + ":", detail);
            Assert.Contains("trained without conditions", detail);
        }
        Assert.Equal(before, renderer.CacheSize.Entries);
    }

    [Fact]
    public async Task Collection_OfPlainModel_404SayingWhy()
    {
        var client = app.CreateClient();
        foreach (var url in new[] { "/api/models/active/collection", "/api/models/active/collection/0.png" })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Contains("trained without conditions", (await response.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail);
        }
    }

    [Fact]
    public async Task Pages_OfPlainModel_SayWhyTheColourControlsAreAbsent()
    {
        var client = app.CreateClient();
        Assert.Contains("trained without conditions", await client.GetStringAsync("/art/active/2"));
        Assert.Contains("trained without conditions", await client.GetStringAsync("/collection"));
        Assert.Contains(System.Net.WebUtility.HtmlEncode(GalleryPalettes.NoColourRow), await client.GetStringAsync("/"));
        Assert.Contains("like: this model was trained without conditions", await client.GetStringAsync("/art/active/2?like=1"));
    }
}
