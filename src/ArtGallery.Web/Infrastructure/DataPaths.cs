using Microsoft.Extensions.Options;

namespace ArtGallery.Web.Infrastructure;

/// <summary>Absolute paths inside the data folder, created on first use.</summary>
public sealed class DataPaths
{
    /// <summary>Resolves and creates the folders.</summary>
    public DataPaths(IOptions<ArtGalleryOptions> options)
    {
        Root = Path.GetFullPath(options.Value.DataDirectory);
        foreach (var dir in new[] { Root, Runs, Datasets, Models, Backups }) Directory.CreateDirectory(dir);
    }

    /// <summary>The data folder.</summary>
    public string Root { get; }

    /// <summary>The LiteDB file.</summary>
    public string Database => Path.Combine(Root, "artgallery.db");

    /// <summary>Training run folders.</summary>
    public string Runs => Path.Combine(Root, "runs");

    /// <summary>Uploaded dataset folders.</summary>
    public string Datasets => Path.Combine(Root, "datasets");

    /// <summary>Exported models and their cached directions.</summary>
    public string Models => Path.Combine(Root, "models");

    /// <summary>Upload spools (one folder per upload in progress; none survive a restart).</summary>
    public string Uploads => Path.Combine(Root, "uploads");

    /// <summary>Prefix of a dataset folder still being imported; renamed to its id when the import commits.</summary>
    public const string StagingPrefix = ".staging-";

    /// <summary>File an import puts in its folder first and removes after its record is written: the start-up sweep's proof of a leftover.</summary>
    public const string PendingImportMarker = ".import-pending";

    /// <summary>Back-up archives made by the admin back-up endpoint.</summary>
    public string Backups => Path.Combine(Root, "backups");
}
