using ArtGallery.Data;
using ArtGallery.Web.Favorites;
using ArtGallery.Web.Infrastructure;
using ArtGallery.Web.Rendering;
using ArtGallery.Web.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace ArtGallery.Web.Tests.Services;

public sealed class FavoritesServiceTests : IDisposable
{
    private readonly ArtGalleryDatabase db = new(new DataPaths(Options.Create(new ArtGalleryOptions { DataDirectory = AppFactory.NewDataDirectory() })).Database);

    [Fact]
    public void Of_AfterAdds_ReturnsRequestsThatReproduceEachArtwork()
    {
        var service = new FavoritesService(db);
        ArtworkEdits.TryParse("pc1:1.5,contrast:-2", out var edits, out _);
        var edited = new ArtworkRequest("m", 9, 0.6f, edits);
        service.Add(1, edited);
        service.Add(1, edited); // idempotent
        service.Add(2, edited with { Seed = 10 });

        var mine = service.Of(1);

        Assert.Equal(edited.ImageUrl, Assert.Single(mine).Artwork.ImageUrl);
        Assert.False(service.Remove(2, mine[0].Id)); // not user 2's
        Assert.True(service.Remove(1, mine[0].Id));
        Assert.Empty(service.Of(1));
    }

    [Fact]
    public void ToFavorite_StoredEditsNoLongerParse_DropsThemInsteadOfFailing()
    {
        var f = FavoritesService.ToFavorite(new FavoriteRecord { Id = 3, ModelId = "m", Seed = 1, Truncation = 1, Edits = "sparkle:9" });
        Assert.True(f.Artwork.Edits.IsEmpty);
    }

    public void Dispose() => db.Dispose();
}
