namespace ArtGallery.Imaging;

/// <summary>
/// One uploaded image that was kept: its original name (display only), the name the app saved it under, and a
/// warning when it was kept with a change a person should know of (downscaled, came out nearly uniform).
/// </summary>
public sealed record ImportedFile(string Original, string SavedAs, string? Warning = null);

/// <summary>Outcome of an upload: files kept, files refused with reasons, and an upload-level error when the whole upload failed.</summary>
public sealed record ImportReport(IReadOnlyList<ImportedFile> Accepted, IReadOnlyList<RefusedFile> Refused, string? Error = null)
{
    /// <summary>Kept files with a warning, as (file, warning).</summary>
    public IReadOnlyList<FileWarning> Warnings => [.. Accepted.Where(a => a.Warning is not null).Select(a => new FileWarning(a.Original, a.Warning!))];

    /// <summary>True when at least one image was kept.</summary>
    public bool Succeeded => Error is null && Accepted.Count > 0;
}
