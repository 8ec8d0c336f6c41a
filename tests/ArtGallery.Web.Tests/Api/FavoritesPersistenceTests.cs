using System.Net;
using System.Net.Http.Json;
using ArtGallery.Web.Api;
using ArtGallery.Web.Tests.Infrastructure;

namespace ArtGallery.Web.Tests.Api;

[Collection("Sequential")]
public sealed class FavoritesPersistenceTests(TinyModel model)
{
    [Fact]
    public async Task Favorites_HostRestartOnSameDatabase_StillThere()
    {
        var data = AppFactory.NewDataDirectory();
        await using (var first = new AppFactory(data, model.ModelPath))
        {
            var user = await Session.UserAsync(first, "keeper");
            var added = await user.PostAsync("/api/favorites/active/42?trunc=0.7&edits=pc1:1.5", null);
            Assert.Equal(HttpStatusCode.OK, added.StatusCode);
            await user.PostAsync("/api/favorites/active/43", null);
        }
        await using var second = new AppFactory(data, model.ModelPath);
        var again = await Session.SignedInAsync(second, "keeper", "user-Pass-123");
        var favorites = await again.GetFromJsonAsync<List<FavoriteDto>>("/api/favorites");
        Assert.Equal(2, favorites!.Count);
        var edited = Assert.Single(favorites, f => f.Seed == 42);
        Assert.Equal("pc1:1.5", edited.Edits);
        Assert.Equal(model.ModelId, edited.ModelId);
        Assert.Contains("trunc=0.7", edited.ImageUrl);
        var page = await again.GetStringAsync("/favorites");
        Assert.Equal(2, page.Split("data-testid=\"favorite-item\"").Length - 1);
    }

    [Fact]
    public async Task FavoritesApi_OtherUsersFavorite_CannotDelete()
    {
        await using var app = new AppFactory(AppFactory.NewDataDirectory(), model.ModelPath);
        var alice = await Session.UserAsync(app);
        var bob = await Session.UserAsync(app);
        var fav = await (await alice.PostAsync("/api/favorites/active/1", null)).Content.ReadFromJsonAsync<FavoriteDto>();
        Assert.Equal(HttpStatusCode.NotFound, (await bob.DeleteAsync($"/api/favorites/{fav!.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await alice.DeleteAsync($"/api/favorites/{fav.Id}")).StatusCode);
    }
}
