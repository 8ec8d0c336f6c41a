namespace ArtGallery.Data.Tests;

public sealed class FavoriteTests : IDisposable
{
    private readonly TempDatabase temp = new();

    [Fact]
    public void AddFavorite_AfterReopen_StillListedWithParameters()
    {
        using (var db = temp.Open())
        {
            db.AddFavorite(1, "abc123", 42, 0.7f, "pc1:1.5");
            db.AddFavorite(1, "abc123", 43, 1f, "");
        }
        using var reopened = temp.Open();
        var favorites = reopened.FavoritesOf(1);
        Assert.Equal(2, favorites.Count);
        Assert.Contains(favorites, f => f.Seed == 42 && f.Edits == "pc1:1.5" && Math.Abs(f.Truncation - 0.7f) < 1e-6);
        Assert.True(reopened.IsFavorite(1, "abc123", 42, 0.7f, "pc1:1.5"));
    }

    [Fact]
    public void FavoritesOf_EmptyEdits_ReadBackAsEmptyNotNull()
    {
        using (var db = temp.Open()) db.AddFavorite(1, "m", 9, 1f, "");
        using var reopened = temp.Open();
        Assert.Equal("", Assert.Single(reopened.FavoritesOf(1)).Edits);
    }

    [Fact]
    public void AddFavorite_Twice_KeepsOneRecord()
    {
        using var db = temp.Open();
        var a = db.AddFavorite(3, "m", 5, 1f, "");
        var b = db.AddFavorite(3, "m", 5, 1f, "");
        Assert.Equal(a.Id, b.Id);
        Assert.Single(db.FavoritesOf(3));
    }

    [Fact]
    public void RemoveFavorite_OtherUsersId_DoesNotRemove()
    {
        using var db = temp.Open();
        var mine = db.AddFavorite(1, "m", 5, 1f, "");
        Assert.False(db.RemoveFavorite(2, mine.Id));
        Assert.True(db.RemoveFavorite(1, mine.Id));
        Assert.Empty(db.FavoritesOf(1));
    }

    [Fact]
    public void IsFavorite_TheSavedArtwork_True_OtherEditsMixTruncationOrUser_False()
    {
        using var db = temp.Open();
        db.AddFavorite(1, "m", 5, 1f, "pc1:1");
        db.AddFavorite(1, "m", 5, 1f, "", "9:0.43");
        // Positive controls: exactly what was saved is a favorite (a check that always said no would fail here).
        Assert.True(db.IsFavorite(1, "m", 5, 1f, "pc1:1"));
        Assert.True(db.IsFavorite(1, "m", 5, 1f, "", "9:0.43"));
        Assert.False(db.IsFavorite(1, "m", 5, 1f, "pc1:2"));
        Assert.False(db.IsFavorite(1, "m", 5, 0.7f, "pc1:1"));
        Assert.False(db.IsFavorite(1, "m", 5, 1f, "", "9:0.5"));
        Assert.False(db.IsFavorite(1, "m", 5, 1f, ""));
        Assert.False(db.IsFavorite(2, "m", 5, 1f, "pc1:1"));
    }

    [Fact]
    public void FavoritesOf_Pages_NewestFirst_AndCountsAll()
    {
        using var db = temp.Open();
        for (int seed = 0; seed < 1200; seed++) db.AddFavorite(1, "m", seed, 1f, "");
        db.AddFavorite(2, "m", 1, 1f, "");
        Assert.Equal(1200, db.FavoriteCount(1));
        Assert.Equal(1200, db.FavoritesOf(1).Count); // no silent cap
        Assert.Equal([1199L, 1198, 1197], db.FavoritesOf(1, 0, 3).Select(f => f.Seed));
        Assert.Equal([1L, 0], db.FavoritesOf(1, 1198, 500).Select(f => f.Seed));
        Assert.Empty(db.FavoritesOf(1, 1200, 10));
    }

    [Fact]
    public void AddFavorite_WithCondition_KeptAfterReopenAndDistinctFromThePlainPicture()
    {
        const string condition = "like=3&palette=FF0000-00FF00";
        using (var db = temp.Open())
        {
            db.AddFavorite(1, "m", 5, 1f, "", "", condition);
            db.AddFavorite(1, "m", 5, 1f, "");
        }
        using var reopened = temp.Open();
        Assert.Equal(2, reopened.FavoriteCount(1));
        Assert.Equal(condition, Assert.Single(reopened.FavoritesOf(1), f => f.Condition.Length > 0).Condition);
        Assert.True(reopened.IsFavorite(1, "m", 5, 1f, "", "", condition));
        Assert.False(reopened.IsFavorite(1, "m", 5, 1f, "", "", "like=4&palette=FF0000-00FF00"));
        // Keys without a condition are what they were before conditions existed.
        Assert.Equal("1|m|5|1|", ArtGalleryDatabase.FavoriteKey(1, "m", 5, 1f, ""));
    }

    public void Dispose() => temp.Dispose();
}
