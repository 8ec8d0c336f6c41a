namespace ArtGallery.Data.Tests;

/// <summary>A LiteDB file in its own temp folder, deleted afterwards.</summary>
public sealed class TempDatabase : IDisposable
{
    public TempDatabase() => Directory.CreateDirectory(Folder);

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "ag-data-tests", Guid.NewGuid().ToString("N"));

    public string FilePath => Path.Combine(Folder, "artgallery.db");

    public ArtGalleryDatabase Open() => new(FilePath);

    public void Dispose()
    {
        try { Directory.Delete(Folder, true); }
        catch (IOException) { /* best effort */ }
    }
}
