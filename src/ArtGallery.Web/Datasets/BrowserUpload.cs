using ArtGallery.Imaging;
using Microsoft.JSInterop;
using SixLabors.ImageSharp.PixelFormats;

namespace ArtGallery.Web.Datasets;

/// <summary>
/// One upload from the dataset page, fed by <c>wwwroot/js/dataset-upload.js</c> one file per call: a name and a size per
/// message and the bytes as a JS stream, so no SignalR message grows with the number of files (Blazor's InputFile sends
/// every picked file's metadata in one message, and about 300 names overflowed the hub's 32 KB limit). Counts each file
/// as it lands, for the page's progress bar; imports off the circuit thread when the browser says it is done.
/// </summary>
public sealed class BrowserUpload(DatasetService service, Func<Task<bool>> allowed, Func<Task> changed) : IDisposable
{
    private UploadSpool? spool;

    /// <summary>Files the browser announced.</summary>
    public int Total { get; private set; }

    /// <summary>Files received so far (kept or refused).</summary>
    public int Received { get; private set; }

    /// <summary>The file being received, for the progress line.</summary>
    public string? Current { get; private set; }

    /// <summary>True from the first announced file until the import has finished.</summary>
    public bool Busy { get; private set; }

    /// <summary>The import's outcome once finished.</summary>
    public UploadResult? Result { get; private set; }

    /// <summary>Why the upload was refused or failed as a whole, else null.</summary>
    public string? Error { get; private set; }

    /// <summary>Colour transparent areas are composited over (per dataset).</summary>
    public Rgb24 Ground { get; set; } = DatasetLimits.Default.Ground;

    /// <summary>Name of the dataset the upload becomes (its id when empty).</summary>
    public string? Name { get; set; }

    /// <summary>Called by the browser with the number of picked files; false (and <see cref="Error"/>) when refused.</summary>
    [JSInvokable]
    public async Task<bool> Begin(int count)
    {
        if (Busy) return false;
        (Result, Error, Received, Total, Current) = (null, UploadSpool.TooMany(count), 0, count, null);
        if (!await allowed()) Error = Accounts.AdminCheck.Refusal; // a circuit outlives a role change: ask again
        if (Error is null)
        {
            spool = service.NewSpool();
            Busy = true;
        }
        await changed();
        return Error is null;
    }

    /// <summary>Called by the browser once per file: streams it into the spool (refused by name when too big).</summary>
    [JSInvokable]
    public async Task Add(string name, long size, IJSStreamReference data)
    {
        await using (data)
        {
            if (spool is null || Received >= Total) return; // more files than announced: ignored
            Current = name.Length <= 255 ? name : name[..255];
            await spool.AddAsync(Current, size, async max => await data.OpenReadStreamAsync(max));
        }
        Received++;
        if (Received % 10 == 0 || Received == Total) await changed();
    }

    /// <summary>Called by the browser after the last file: imports everything received, then frees the spool.</summary>
    [JSInvokable]
    public async Task Finish()
    {
        if (spool is null) return;
        try
        {
            Result = await service.ImportAsync(spool, Name, Ground);
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException)
        {
            Error = "Upload failed: " + ex.Message;
        }
        finally
        {
            spool.Dispose();
            spool = null;
            (Busy, Current) = (false, null);
        }
        await changed();
    }

    /// <inheritdoc />
    public void Dispose() => spool?.Dispose();
}
