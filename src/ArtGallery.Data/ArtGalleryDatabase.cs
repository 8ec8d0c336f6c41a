using ArtGallery.Contracts;
using LiteDB;

namespace ArtGallery.Data;

/// <summary>The app's one LiteDB file (Connection=Direct: shared mode hangs on Linux); thread-safe, register as a singleton.</summary>
public sealed partial class ArtGalleryDatabase : IDisposable
{
    private readonly LiteDatabase db;

    // Every write holds this gate shared; a back-up holds it exclusively while it checkpoints and copies the file, so the
    // copy is one consistent state (LiteDB 5 has no online back-up, and a plain copy of a live file can lose commits).
    private readonly ReaderWriterLockSlim gate = new(LockRecursionPolicy.SupportsRecursion);

    /// <summary>Opens or creates the database file at <paramref name="path"/>.</summary>
    public ArtGalleryDatabase(string path)
    {
        FilePath = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
        // The default mapper turns "" into null, which would break non-nullable strings such as empty edits.
        var mapper = new BsonMapper { EmptyStringToNull = false, TrimWhitespace = false };
        // Job status as the lower-case word, as stored before the enum existed (LiteDB's default would write "Running").
        mapper.RegisterType(status => new BsonValue(status.ToText()), bson => JobStatusText.Parse(bson.AsString));
        db = new LiteDatabase(new ConnectionString { Filename = FilePath, Connection = ConnectionType.Direct }, mapper);
        Users.EnsureIndex(u => u.NormalizedName, unique: true);
        Favorites.EnsureIndex(f => f.Key, unique: true);
        Favorites.EnsureIndex(f => f.UserId);
        Runs.EnsureIndex(r => r.Status);
        MigrateAbsolutePaths();
    }

    /// <summary>Absolute path of the database file.</summary>
    public string FilePath { get; }

    private ILiteCollection<UserRecord> Users => db.GetCollection<UserRecord>("users");
    private ILiteCollection<FavoriteRecord> Favorites => db.GetCollection<FavoriteRecord>("favorites");
    private ILiteCollection<ModelRecord> Models => db.GetCollection<ModelRecord>("models");
    private ILiteCollection<TrainingRunRecord> Runs => db.GetCollection<TrainingRunRecord>("runs");
    private ILiteCollection<DatasetRecord> Datasets => db.GetCollection<DatasetRecord>("datasets");

    /// <summary>Flushes the log into the data file.</summary>
    public void Checkpoint() => Write(db.Checkpoint);

    /// <summary>
    /// Writes a consistent copy of the database to <paramref name="destination"/> while the app keeps running: writes
    /// wait (milliseconds) while the log is checkpointed into the data file and the file is copied.
    /// </summary>
    public void BackupTo(string destination)
    {
        gate.EnterWriteLock();
        try
        {
            db.Checkpoint();
            using var source = new FileStream(FilePath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var target = new FileStream(destination, FileMode.CreateNew, FileAccess.Write, FileShare.None);
            source.CopyTo(target);
            target.Flush(flushToDisk: true);
        }
        finally
        {
            gate.ExitWriteLock();
        }
    }

    /// <summary>Closes the file.</summary>
    public void Dispose()
    {
        db.Dispose();
        gate.Dispose();
    }

    private void Write(Action action) => Write(() => { action(); return 0; });

    private T Write<T>(Func<T> action)
    {
        gate.EnterReadLock();
        try { return action(); }
        finally { gate.ExitReadLock(); }
    }
}
