using System.Net;
using System.Net.Http.Json;
using ArtGallery.Web.Api;
using ArtGallery.Web.Rendering;
using ArtGallery.Web.Tests.Infrastructure;

namespace ArtGallery.Web.Tests.Hardening;

/// <summary>Issue 15 class 3: a request is canonicalised once, so the same URL shows the same picture whatever was asked first.</summary>
[Collection("Sequential")]
public sealed class RenderCanonicalTests(TinyModel model)
{
    [Theory]
    [InlineData("trunc=1.0049", "")]
    [InlineData("trunc=0.7049", "trunc=0.7")]
    [InlineData("edits=pc1:1.004", "edits=pc1%3A1")]
    [InlineData("trunc=-0", "trunc=0")]
    [InlineData("trunc=-0.004", "trunc=0")]
    [InlineData("trunc=0.30499&edits=warmth:-0.504,pc2:0.996", "trunc=0.3&edits=pc2%3A1%2Cwarmth%3A-0.5")]
    public async Task OffGridFirst_ThenCanonicalUrl_BothShowTheCanonicalPicture(string offGrid, string canonical)
    {
        string Url(string q) => $"/api/artworks/{model.ModelId}/500.png" + (q.Length > 0 ? "?" + q : "");
        await using var poisoned = new AppFactory(AppFactory.NewDataDirectory(), model.ModelPath);
        await using var clean = new AppFactory(AppFactory.NewDataDirectory(), model.ModelPath);
        var first = await poisoned.CreateClient().GetByteArrayAsync(Url(offGrid));
        var then = await poisoned.CreateClient().GetByteArrayAsync(Url(canonical));
        var fresh = await clean.CreateClient().GetByteArrayAsync(Url(canonical)); // what the canonical URL shows on an untouched cache
        Assert.Equal(fresh, then);
        Assert.Equal(fresh, first); // the off-grid request rendered exactly its canonical form
    }

    [Fact]
    public void Request_AnyTruncation_IsRenderedKeyedAndLinkedAsItsCanonicalForm()
    {
        var request = new ArtworkRequest("m", 5, 1.0049f, ArtworkEdits.None);
        Assert.Equal(1f, request.Truncation);
        Assert.Equal(new ArtworkRequest("m", 5, 1f, ArtworkEdits.None).Key, request.Key);
        Assert.Equal(0.71f, (request with { Truncation = 0.7051f }).Truncation);
        Assert.Equal("/art/m/5?trunc=0.71", (request with { Truncation = 0.7051f }).PageUrl);
    }

    [Theory]
    [InlineData(-0f)]
    [InlineData(-0.004f)]
    public void Request_NegativeZeroTruncation_IsTheSameRequestAsZero(float negativeZero)
    {
        var zero = new ArtworkRequest("m", 5, 0f, ArtworkEdits.None);
        var request = new ArtworkRequest("m", 5, negativeZero, ArtworkEdits.None);
        Assert.Equal("m/5/0/", request.Key);
        Assert.Equal(zero.Key, request.Key);
        Assert.Equal("/art/m/5?trunc=0", request.PageUrl);
        Assert.False(float.IsNegative(request.Truncation));
    }

    [Fact]
    public async Task Favorite_OffGridTruncation_StoredAsTheCanonicalValueItLinksTo()
    {
        await using var app = new AppFactory(AppFactory.NewDataDirectory(), model.ModelPath);
        var user = await Session.UserAsync(app);
        var saved = await (await user.PostAsync($"/api/favorites/{model.ModelId}/500?trunc=0.7049&edits=pc1:1.004", null)).Content.ReadFromJsonAsync<FavoriteDto>();
        Assert.Equal(0.7f, saved!.Truncation);
        Assert.Equal("pc1:1", saved.Edits);
        Assert.Equal($"/api/artworks/{model.ModelId}/500.png?trunc=0.7&edits=pc1%3A1", saved.ImageUrl);
    }

    [Fact]
    public async Task Head_ArtworkPng_AnswersLikeGet()
    {
        await using var app = new AppFactory(AppFactory.NewDataDirectory(), model.ModelPath);
        var head = await app.CreateClient().SendAsync(new HttpRequestMessage(HttpMethod.Head, $"/api/artworks/{model.ModelId}/5.png"));
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal("image/png", head.Content.Headers.ContentType?.MediaType);
    }
}
