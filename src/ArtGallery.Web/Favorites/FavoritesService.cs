using ArtGallery.Data;
using ArtGallery.Web.Rendering;

namespace ArtGallery.Web.Favorites;

/// <summary>A saved favorite: its id and the request that reproduces it.</summary>
public sealed record Favorite(int Id, ArtworkRequest Artwork);

/// <summary>Users' hearts, by the request that reproduces each artwork (pages and the API never touch LiteDB themselves).</summary>
public sealed class FavoritesService(ArtGalleryDatabase db)
{
    /// <summary>True when the user hearted exactly this artwork.</summary>
    public bool IsFavorite(int userId, ArtworkRequest a) => db.IsFavorite(userId, a.ModelId, a.Seed, a.Truncation, a.Edits.Canonical, a.Mix?.Canonical ?? "", a.Condition?.Canonical ?? "");

    /// <summary>Hearts an artwork (idempotent).</summary>
    public Favorite Add(int userId, ArtworkRequest a) => ToFavorite(db.AddFavorite(userId, a.ModelId, a.Seed, a.Truncation, a.Edits.Canonical, a.Mix?.Canonical ?? "", a.Condition?.Canonical ?? ""));

    /// <summary>Removes the heart of an artwork; false when there was none.</summary>
    public bool Remove(int userId, ArtworkRequest a) => db.RemoveFavorite(userId, a.ModelId, a.Seed, a.Truncation, a.Edits.Canonical, a.Mix?.Canonical ?? "", a.Condition?.Canonical ?? "");

    /// <summary>Removes a favorite by id; false when it is not the user's.</summary>
    public bool Remove(int userId, int favoriteId) => db.RemoveFavorite(userId, favoriteId);

    /// <summary>Sets or clears the heart; returns the new state.</summary>
    public bool Set(int userId, ArtworkRequest a, bool favorite)
    {
        if (favorite) Add(userId, a);
        else Remove(userId, a);
        return favorite;
    }

    /// <summary>The user's favorites, newest first: <paramref name="take"/> after the first <paramref name="skip"/>.</summary>
    public IReadOnlyList<Favorite> Of(int userId, int skip = 0, int take = int.MaxValue) => db.FavoritesOf(userId, skip, take).Select(ToFavorite).ToList();

    /// <summary>How many favorites the user has.</summary>
    public int Count(int userId) => db.FavoriteCount(userId);

    /// <summary>The request a stored favorite reproduces (edits stored by an older version that no longer parse are dropped).</summary>
    public static Favorite ToFavorite(FavoriteRecord f) =>
        new(f.Id, new ArtworkRequest(f.ModelId, f.Seed, f.Truncation, ArtworkEdits.TryParse(f.Edits, out var e, out _) ? e : ArtworkEdits.None)
        {
            Mix = ArtworkMix.TryParse(f.Mix, out var mix, out _) ? mix : null,
            Condition = ArtworkCondition.FromCanonical(f.Condition),
        });
}
