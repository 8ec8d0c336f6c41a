using System.Net;
using ArtGallery.Web.Tests.Infrastructure;

namespace ArtGallery.Web.Tests.Api;

[Collection("Sequential")]
public sealed class BadPageInputTests(TinyModel model, SharedApp shared) : IClassFixture<SharedApp>
{
    private AppFactory app => shared.For(model.ModelPath);

    [Theory]
    [InlineData("/explore?seed=abc", "seed must be an integer")]
    [InlineData("/explore?seed=-5", "seed must be")]
    [InlineData("/explore?model=..%2F..%2Fetc&seed=1", "Unknown model")]
    [InlineData("/explore?seed=1&trunc=NaN", "trunc must be")]
    [InlineData("/explore?seed=1&edits=pc1:99", "not valid")]
    [InlineData("/art/nosuchmodel/1", "Unknown model")]
    [InlineData("/art/active/1?edits=%3Cscript%3E", "not valid")]
    public async Task Page_BadQuery_ShowsAlertNot500(string url, string message)
    {
        var response = await app.CreateClient().GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("role=\"alert\"", html);
        Assert.Contains(message, html);
        Assert.DoesNotContain("<script>", html);
    }

    [Theory]
    [InlineData("/art/active/notanumber")]
    [InlineData("/api/artworks/active/1/print?dpi=1e9")]
    [InlineData("/api/artworks/active/1/print?size=1e308x1")]
    [InlineData("/api/artworks/active/1/print?crop=NaN")]
    [InlineData("/api/artworks/active/1/print?candidate=99")]
    public async Task Request_Malformed_Is4xx(string url)
    {
        var response = await app.CreateClient().GetAsync(url);
        Assert.InRange((int)response.StatusCode, 400, 499);
    }
}
