namespace ArtGallery.Imaging;

/// <summary>One file that was not used, and why (for the user).</summary>
public sealed record RefusedFile(string File, string Reason)
{
    /// <inheritdoc />
    public override string ToString() => $"{File}: {Reason}";
}

/// <summary>What opening a dataset found: how many images were accepted and which files were refused.</summary>
public sealed record DatasetReport(string Source, int Accepted, IReadOnlyList<RefusedFile> Refused)
{
    /// <summary>A one-line summary, e.g. "photos.zip: 41 images, 3 files skipped".</summary>
    public string Summary => $"{Source}: {Accepted} images, {Refused.Count} files skipped";
}
