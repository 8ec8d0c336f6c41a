using LiteDB;

namespace ArtGallery.Data;

/// <summary>The app's one LiteDB file (Connection=Direct: shared mode hangs on Linux); thread-safe, register as a singleton.</summary>
public sealed partial class ArtGalleryDatabase : IDisposable
{
    private readonly LiteDatabase db;

    /// <summary>Opens or creates the database file at <paramref name="path"/>.</summary>
    public ArtGalleryDatabase(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        // The default mapper turns "" into null, which would break non-nullable strings such as empty edits.
        var mapper = new BsonMapper { EmptyStringToNull = false, TrimWhitespace = false };
        db = new LiteDatabase(new ConnectionString { Filename = path, Connection = ConnectionType.Direct }, mapper);
        Users.EnsureIndex(u => u.NormalizedName, unique: true);
        Favorites.EnsureIndex(f => f.Key, unique: true);
        Favorites.EnsureIndex(f => f.UserId);
        Runs.EnsureIndex(r => r.Status);
    }

    private ILiteCollection<UserRecord> Users => db.GetCollection<UserRecord>("users");
    private ILiteCollection<FavoriteRecord> Favorites => db.GetCollection<FavoriteRecord>("favorites");
    private ILiteCollection<ModelRecord> Models => db.GetCollection<ModelRecord>("models");
    private ILiteCollection<TrainingRunRecord> Runs => db.GetCollection<TrainingRunRecord>("runs");
    private ILiteCollection<DatasetRecord> Datasets => db.GetCollection<DatasetRecord>("datasets");

    /// <summary>Flushes the log into the data file (for consistent back-ups).</summary>
    public void Checkpoint() => db.Checkpoint();

    /// <summary>Closes the file.</summary>
    public void Dispose() => db.Dispose();
}
