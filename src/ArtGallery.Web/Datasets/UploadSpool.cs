using ArtGallery.Imaging;
using ArtGallery.Web.Hosting;
using Microsoft.AspNetCore.Components.Forms;

namespace ArtGallery.Web.Datasets;

/// <summary>
/// Browser uploads streamed to <c>uploads/GUID/NNNN.upload</c> (deleted on dispose; a crash leaves it to the start-up
/// sweep). Each file gets its own verdict: one that is too big or breaks off is refused by name, the rest go on.
/// </summary>
public sealed class UploadSpool(DataPaths paths, long maxFileBytes = DatasetService.MaxUploadBytes) : IDisposable
{
    private readonly string folder = Directory.CreateDirectory(Path.Combine(paths.Uploads, Guid.NewGuid().ToString("N"))).FullName;
    private readonly List<UploadFile> files = [];
    private readonly List<RefusedFile> refused = [];

    /// <summary>Files spooled so far, ready for <see cref="DatasetService.Import"/>.</summary>
    public IReadOnlyList<UploadFile> Files => files;

    /// <summary>Files refused while spooling, with the reason.</summary>
    public IReadOnlyList<RefusedFile> Refused => refused;

    /// <summary>The message for a selection of <paramref name="count"/> files, or null when it is within the limit.</summary>
    public static string? TooMany(int count) => count > DatasetService.MaxFilesPerUpload
        ? $"{count} files selected: at most {DatasetService.MaxFilesPerUpload} per upload. Select fewer, or put them in a zip."
        : null;

    /// <summary>Streams one browser file to disk with an explicit cap (Blazor's default is 500 KB).</summary>
    public async Task AddAsync(IBrowserFile file)
    {
        if (file.Size > maxFileBytes)
        {
            refused.Add(new RefusedFile(file.Name, $"{SafeMb(file.Size)} file exceeds the {SafeMb(maxFileBytes)} upload limit"));
            return;
        }
        var path = Path.Combine(folder, $"{files.Count + refused.Count:D5}.upload");
        try
        {
            await using (var target = File.Create(path))
                await file.OpenReadStream(maxFileBytes).CopyToAsync(target);
            files.Add(new UploadFile(file.Name, () => File.OpenRead(path)));
        }
        catch (IOException ex)
        {
            File.Delete(path);
            refused.Add(new RefusedFile(file.Name, "upload broke off: " + ex.Message));
        }
    }

    private static string SafeMb(long bytes) => $"{bytes / (double)(1 << 20):0.#} MB";

    /// <summary>Deletes the spooled files.</summary>
    public void Dispose()
    {
        try { Directory.Delete(folder, recursive: true); }
        catch (IOException) { /* the next start sweeps it */ }
    }
}
