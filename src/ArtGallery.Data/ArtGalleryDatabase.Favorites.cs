using System.Globalization;

namespace ArtGallery.Data;

public sealed partial class ArtGalleryDatabase
{
    /// <summary>Adds a favorite (idempotent: the same artwork twice keeps one record); returns it.
    /// <paramref name="mix"/> is an interpolation frame's "toSeed:t" ("" for the seed's own picture), <paramref name="condition"/> a
    /// conditioned model's canonical "like=N&amp;palette=RRGGBB-..." ("" for none).</summary>
    public FavoriteRecord AddFavorite(int userId, string modelId, long seed, float truncation, string edits, string mix = "", string condition = "") =>
        Write(() => AddFavoriteCore(userId, modelId, seed, truncation, edits, mix, condition));

    private FavoriteRecord AddFavoriteCore(int userId, string modelId, long seed, float truncation, string edits, string mix, string condition)
    {
        var key = FavoriteKey(userId, modelId, seed, truncation, edits, mix, condition);
        var existing = Favorites.FindOne(f => f.Key == key);
        if (existing is not null) return existing;
        var record = new FavoriteRecord
        {
            UserId = userId, ModelId = modelId, Seed = seed, Truncation = truncation, Edits = edits, Mix = mix, Condition = condition, Key = key, Created = DateTime.UtcNow,
        };
        try
        {
            Favorites.Insert(record);
        }
        catch (LiteDB.LiteException ex) when (ex.ErrorCode == LiteDB.LiteException.INDEX_DUPLICATE_KEY)
        {
            // A concurrent click inserted it first: that record is the answer.
            return Favorites.FindOne(f => f.Key == key);
        }
        return record;
    }

    /// <summary>Removes a favorite by artwork identity; true when one was removed.</summary>
    public bool RemoveFavorite(int userId, string modelId, long seed, float truncation, string edits, string mix = "", string condition = "")
    {
        var key = FavoriteKey(userId, modelId, seed, truncation, edits, mix, condition);
        return Write(() => Favorites.DeleteMany(f => f.Key == key)) > 0;
    }

    /// <summary>Removes a favorite by id, only if it belongs to <paramref name="userId"/>.</summary>
    public bool RemoveFavorite(int userId, int favoriteId) =>
        Write(() => Favorites.DeleteMany(f => f.Id == favoriteId && f.UserId == userId)) > 0;

    /// <summary>True when the user has favorited this exact artwork.</summary>
    public bool IsFavorite(int userId, string modelId, long seed, float truncation, string edits, string mix = "", string condition = "") =>
        Favorites.Exists(f => f.Key == FavoriteKey(userId, modelId, seed, truncation, edits, mix, condition));

    /// <summary>A user's favorites, newest (highest id) first: <paramref name="take"/> of them after the first <paramref name="skip"/>.</summary>
    public IReadOnlyList<FavoriteRecord> FavoritesOf(int userId, int skip = 0, int take = int.MaxValue)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(skip);
        ArgumentOutOfRangeException.ThrowIfNegative(take);
        return Favorites.Query().Where(f => f.UserId == userId).OrderByDescending(f => f.Id).Skip(skip).Limit(take).ToList();
    }

    /// <summary>How many favorites the user has.</summary>
    public int FavoriteCount(int userId) => Favorites.Count(f => f.UserId == userId);

    /// <summary>The unique key of an artwork for one user; truncation is rounded so 0.7 and 0.70000001 match. A mix and a
    /// condition are appended only when present, so keys stored before they existed still match.</summary>
    public static string FavoriteKey(int userId, string modelId, long seed, float truncation, string edits, string mix = "", string condition = "") =>
        string.Create(CultureInfo.InvariantCulture, $"{userId}|{modelId}|{seed}|{truncation:0.###}|{edits}") + (mix.Length > 0 ? "|" + mix : "")
        + (condition.Length > 0 ? "|c:" + condition : "");
}
