using System.Net;
using System.Net.Http.Json;
using ArtGallery.Data;
using ArtGallery.Web.Api;
using ArtGallery.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ArtGallery.Web.Tests.Api;

/// <summary>Issue 24 minor finding: past 500 favorites the list pages (API and page) instead of stopping without a word.</summary>
[Collection("Sequential")]
public sealed class FavoritesPagingTests(TinyModel model) : IAsyncLifetime
{
    private const int Total = 620;
    private readonly AppFactory app = new(AppFactory.NewDataDirectory(), model.ModelPath);
    private HttpClient user = null!;

    public async Task InitializeAsync()
    {
        user = await Session.UserAsync(app, "collector");
        var db = app.Services.GetRequiredService<ArtGalleryDatabase>();
        int id = db.FindUser("collector")!.Id;
        for (int seed = 0; seed < Total; seed++) db.AddFavorite(id, model.ModelId, seed, 1f, "");
    }

    [Fact]
    public async Task Api_PagesThroughEveryFavorite_NewestFirst_WithTotalAndNextLink()
    {
        var first = await user.GetAsync("/api/favorites");
        var page1 = (await first.Content.ReadFromJsonAsync<List<FavoriteDto>>())!;
        Assert.Equal(FavoritesApi.MaxPage, page1.Count);
        Assert.Equal(Total.ToString(), first.Headers.GetValues("X-Total-Count").Single());
        Assert.Equal($"</api/favorites?offset={FavoritesApi.MaxPage}&limit={FavoritesApi.MaxPage}>; rel=\"next\"", first.Headers.GetValues("Link").Single());
        Assert.Equal(Total - 1, page1[0].Seed); // newest first

        var next = await user.GetAsync($"/api/favorites?offset={FavoritesApi.MaxPage}&limit={FavoritesApi.MaxPage}");
        var page2 = (await next.Content.ReadFromJsonAsync<List<FavoriteDto>>())!;
        Assert.Equal(Total - FavoritesApi.MaxPage, page2.Count);
        Assert.False(next.Headers.Contains("Link")); // the last page
        Assert.Equal(Enumerable.Range(0, Total).Select(s => (long)s).ToHashSet(), page1.Concat(page2).Select(f => f.Seed).ToHashSet());

        var small = (await user.GetFromJsonAsync<List<FavoriteDto>>("/api/favorites?offset=10&limit=5"))!;
        Assert.Equal([609L, 608, 607, 606, 605], small.Select(f => f.Seed));
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=501", "limit")]
    [InlineData("limit=x", "limit")]
    [InlineData("offset=-1", "offset")]
    [InlineData("offset=1e3", "offset")]
    public async Task Api_BadPaging_400NamingTheParameter(string query, string parameter)
    {
        var response = await user.GetAsync("/api/favorites?" + query);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith(parameter + " must be", (await response.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Mvc.ProblemDetails>())!.Detail);
    }

    [Fact]
    public async Task Page_ShowsAPageWithTheCountAndMore()
    {
        var page = await user.GetStringAsync("/favorites");
        Assert.Equal(60, Items(page));
        Assert.Contains($"Showing 60 of {Total}, newest first.", page);
        Assert.Contains("href=\"/favorites?shown=120\"", page);
        Assert.Contains("Show 60 more", page);

        var all = await user.GetStringAsync($"/favorites?shown={Total}");
        Assert.Equal(Total, Items(all));
        Assert.DoesNotContain("data-testid=\"favorites-more\"", all);
    }

    private static int Items(string html) => html.Split("data-testid=\"favorite-item\"").Length - 1;

    public async Task DisposeAsync() => await app.DisposeAsync();
}
