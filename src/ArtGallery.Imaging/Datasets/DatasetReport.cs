namespace ArtGallery.Imaging;

/// <summary>One file that was not used, and why (for the user).</summary>
public sealed record RefusedFile(string File, string Reason)
{
    /// <inheritdoc />
    public override string ToString() => $"{File}: {Reason}";
}

/// <summary>One file that was kept with a change a person should know of.</summary>
public sealed record FileWarning(string File, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{File}: {Message}";
}

/// <summary>What opening a dataset found: how many images were accepted, which files were refused, and warnings on kept ones.</summary>
public sealed record DatasetReport(string Source, int Accepted, IReadOnlyList<RefusedFile> Refused)
{
    /// <summary>Kept files with a warning (downscaled, nearly uniform).</summary>
    public IReadOnlyList<FileWarning> Warnings { get; init; } = [];

    /// <summary>A one-line summary, e.g. "photos.zip: 41 images, 3 files skipped".</summary>
    public string Summary => $"{Source}: {Accepted} images, {Refused.Count} files skipped";
}
