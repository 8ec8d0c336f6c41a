using ArtGallery.Imaging;
using ArtGallery.Web.Infrastructure;
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
    public Task AddAsync(IBrowserFile file) =>
        AddAsync(file.Name, file.Size, max => Task.FromResult(file.OpenReadStream(max)));

    /// <summary>Streams one file to disk: refused by name when over the cap (never opened) or when the transfer breaks off.</summary>
    public async Task AddAsync(string name, long size, Func<long, Task<Stream>> open)
    {
        if (size > maxFileBytes)
        {
            refused.Add(new RefusedFile(name, $"{SafeMb(size)} file exceeds the {SafeMb(maxFileBytes)} upload limit"));
            return;
        }
        var path = Path.Combine(folder, $"{files.Count + refused.Count:D5}.upload");
        try
        {
            await using (var target = File.Create(path))
            await using (var source = await open(maxFileBytes))
                await source.CopyToAsync(target);
            files.Add(new UploadFile(name, () => File.OpenRead(path)));
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or TaskCanceledException)
        {
            File.Delete(path);
            refused.Add(new RefusedFile(name, "upload broke off: " + ex.Message));
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
