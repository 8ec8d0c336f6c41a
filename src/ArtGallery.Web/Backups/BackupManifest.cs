namespace ArtGallery.Web.Backups;

/// <summary>manifest.json inside a back-up: what it holds and where the data folder was (paths are rebased on restore).</summary>
public sealed record BackupManifest(int Format, DateTime Created, string DataDirectory, int Files, long Bytes, IReadOnlyList<string> Skipped)
{
    /// <summary>The only format this version writes and reads.</summary>
    public const int CurrentFormat = 1;

    /// <summary>Entry name of the manifest.</summary>
    public const string EntryName = "manifest.json";

    /// <summary>Entry name of the database copy.</summary>
    public const string DatabaseEntry = "artgallery.db";

    /// <summary>Folders of the data directory that a back-up carries (keys: sign-ins survive a restore).</summary>
    public static readonly string[] Folders = ["runs", "models", "datasets", "keys"];
}

/// <summary>A back-up archive as listed by the admin API.</summary>
public sealed record BackupDto(string Name, long Bytes, DateTime Created, string Url);
