namespace ArtGallery.Imaging;

/// <summary>One uploaded image that was kept: its original name (display only) and the name the app saved it under.</summary>
public sealed record ImportedFile(string Original, string SavedAs);

/// <summary>Outcome of an upload: files kept, files refused with reasons, and an upload-level error when the whole upload failed.</summary>
public sealed record ImportReport(IReadOnlyList<ImportedFile> Accepted, IReadOnlyList<RefusedFile> Refused, string? Error = null)
{
    /// <summary>True when at least one image was kept.</summary>
    public bool Succeeded => Error is null && Accepted.Count > 0;
}
