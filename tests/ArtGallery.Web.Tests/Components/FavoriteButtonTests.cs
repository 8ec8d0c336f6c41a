using System.Security.Claims;
using ArtGallery.Data;
using ArtGallery.Web.Components.Pages.Artwork;
using ArtGallery.Web.Favorites;
using ArtGallery.Web.Infrastructure;
using ArtGallery.Web.Rendering;
using ArtGallery.Web.Tests.Infrastructure;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ArtGallery.Web.Tests.Components;

/// <summary>The heart against real LiteDB through <see cref="FavoritesService"/>.</summary>
public sealed class FavoriteButtonTests : ComponentTestBase
{
    private const int UserId = 42;
    private readonly ArtGalleryDatabase db;
    private readonly FavoritesService favorites;
    private readonly ArtworkRequest art;

    public FavoriteButtonTests()
    {
        var paths = new DataPaths(Options.Create(new ArtGalleryOptions { DataDirectory = AppFactory.NewDataDirectory() }));
        db = new ArtGalleryDatabase(paths.Database);
        favorites = new FavoritesService(db);
        Services.AddSingleton(favorites);
        ArtworkEdits.TryParse("warmth:1", out var edits, out _);
        art = new ArtworkRequest("m1", 5, 0.7f, edits);
    }

    [Fact]
    public void Toggle_SignedIn_SavesAndClearsTheExactArtwork()
    {
        AddAuthorization().SetAuthorized("ann").SetClaims(new Claim(ClaimTypes.NameIdentifier, UserId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Interactive();
        var button = Render<FavoriteButton>(p => p.Add(c => c.Request, art));
        Assert.Equal("Favorite", button.Find("button").GetAttribute("aria-label"));

        button.Find("button").Click();

        Assert.True(favorites.IsFavorite(UserId, art));
        Assert.False(favorites.IsFavorite(UserId, art with { Truncation = 1f }));
        Assert.Equal("Unfavorite", button.Find("button").GetAttribute("aria-label"));
        Assert.Equal("true", button.Find("button").GetAttribute("aria-pressed"));

        button.Find("button").Click();
        Assert.Empty(favorites.Of(UserId));
    }

    [Fact]
    public void Render_AlreadyFavorited_StartsPressed()
    {
        favorites.Add(UserId, art);
        AddAuthorization().SetAuthorized("ann").SetClaims(new Claim(ClaimTypes.NameIdentifier, "42"));
        Interactive();
        var button = Render<FavoriteButton>(p => p.Add(c => c.Request, art));
        Assert.Equal("Unfavorite", button.Find("button").GetAttribute("aria-label"));
    }

    [Fact]
    public void Render_Anonymous_LinksToSignInReturningToThisArtworkToCompleteTheFavorite()
    {
        AddAuthorization();
        Interactive();
        var button = Render<FavoriteButton>(p => p.Add(c => c.Request, art));
        Assert.Equal("/account/login?returnUrl=" + Uri.EscapeDataString(art.PageUrl + "&favorite=1"), button.Find("a").GetAttribute("href"));
        Assert.Empty(button.FindAll("button"));
    }

    [Fact]
    public void Render_BackFromSigningInToFavorite_SavesTheFavoriteOnceAndDropsTheRequestFromTheUrl()
    {
        AddAuthorization().SetAuthorized("ann").SetClaims(new Claim(ClaimTypes.NameIdentifier, "42"));
        Interactive();

        var button = Render<FavoriteButton>(p => p.Add(c => c.Request, art).Add(c => c.Complete, true));

        Assert.True(favorites.IsFavorite(UserId, art));
        Assert.Equal("Unfavorite", button.Find("button").GetAttribute("aria-label"));
        // A reload must not favorite again once the person un-hearts it.
        Assert.Equal(art.PageUrl, JSInterop.VerifyInvoke("artGallery.replaceUrl").Arguments[0]);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) db.Dispose();
    }
}
