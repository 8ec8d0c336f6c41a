using System.IO.Compression;

namespace ArtGallery.Imaging;

/// <summary>
/// Reads untrusted zips. Entry names are only labels (never paths). Per entry: unsafe names, nested archives and
/// entries that expand past <see cref="DatasetLimits.MaxFileBytes"/> (counting bytes actually read) are refused
/// one by one. Whole zip: too many entries, or more than <see cref="DatasetLimits.MaxZipTotalBytes"/> expanded in
/// total (declared or read), throws <see cref="DatasetException"/>.
/// </summary>
internal static class SafeZip
{
    private static readonly string[] ArchiveExtensions = [".zip", ".7z", ".rar", ".gz", ".tgz", ".tar", ".bz2", ".xz", ".zst"];

    public readonly record struct Entry(string Name, byte[]? Data, string? Refusal);

    /// <summary>The entries, each with its data or refusal; the whole zip is refused (DatasetException) before any entry is read when its directory is over the caps or damaged.</summary>
    public static IEnumerable<Entry> Read(Stream zip, DatasetLimits limits)
    {
        var archive = Open(zip, limits);
        using (archive)
        {
            long total = 0;
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var entry in archive.Entries)
            {
                string name = entry.FullName;
                if (name.EndsWith('/') || name.EndsWith('\\')) continue; // a folder record: nothing to read
                string? refusal = NameRefusal(name) ?? (entry.Length > limits.MaxFileBytes ? OverFile(limits) : null)
                    ?? (seen.Add(name) ? null : "duplicate entry name");
                if (refusal is not null) { yield return new Entry(name, null, refusal); continue; }
                var (data, reason, read) = ReadCapped(entry, limits.MaxFileBytes);
                total += read;
                if (total > limits.MaxZipTotalBytes)
                    throw new DatasetException($"zip refused: it expands past the {Mb(limits.MaxZipTotalBytes)} total limit (zip bomb?)");
                yield return new Entry(name, data, reason);
            }
        }
    }

    /// <summary>
    /// The archive with its entries read, after <see cref="ZipDirectory"/> checked the raw directory (.NET 10 reads
    /// <c>Entries</c> lazily: a damaged directory must fail here, inside the try, not in the caller's loop).
    /// </summary>
    private static ZipArchive Open(Stream zip, DatasetLimits limits)
    {
        ZipDirectory.Check(zip, limits);
        ZipArchive? archive = null;
        try
        {
            archive = new ZipArchive(zip, ZipArchiveMode.Read, leaveOpen: true);
            _ = archive.Entries.Count;
            return archive;
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or ArgumentException or NotSupportedException)
        {
            archive?.Dispose();
            throw new DatasetException($"damaged zip: {ex.Message.TrimEnd('.')}", ex);
        }
    }

    /// <summary>Re-reads one entry by name (after <see cref="Read"/> accepted it), with the same per-file cap.</summary>
    public static byte[] ReadOne(Stream zip, string name, DatasetLimits limits)
    {
        using var archive = new ZipArchive(zip, ZipArchiveMode.Read, leaveOpen: true);
        var entry = archive.GetEntry(name) ?? throw new DatasetException($"{name} is no longer in the zip");
        var (data, refusal, _) = ReadCapped(entry, limits.MaxFileBytes);
        return data ?? throw new DatasetException($"{name}: {refusal}");
    }

    /// <summary>Why an entry name is refused, or null if it is harmless as a label.</summary>
    public static string? NameRefusal(string name)
    {
        if (name.Length == 0 || name.Any(char.IsControl)) return "unsafe entry name";
        if (name[0] is '/' or '\\') return "unsafe path: absolute entry names are refused";
        if (name.Contains(':')) return "unsafe path: drive letters and ':' are refused";
        if (name.Split('/', '\\').Any(s => s == "..")) return "unsafe path: '..' entries are refused";
        string file = name.Split('/', '\\')[^1];
        if (name.StartsWith("__MACOSX/", StringComparison.Ordinal) || file.StartsWith("._", StringComparison.Ordinal))
            return "macOS metadata, ignored";
        if (ArchiveExtensions.Any(x => file.EndsWith(x, StringComparison.OrdinalIgnoreCase))) return "nested archives are not accepted";
        return null;
    }

    private static (byte[]? Data, string? Refusal, long Read) ReadCapped(ZipArchiveEntry entry, long cap)
    {
        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        long read = 0;
        try
        {
            using var s = entry.Open();
            int n;
            while ((n = s.Read(chunk, 0, chunk.Length)) > 0)
            {
                read += n;
                // Count what the inflater really produces: a lying header cannot smuggle a bomb past the cap.
                if (read > cap) return (null, $"expands past the {Mb(cap)} per-file limit (zip bomb?)", read);
                buffer.Write(chunk, 0, n);
            }
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or NotSupportedException)
        {
            return (null, "corrupt or unsupported zip entry", read);
        }
        return (buffer.ToArray(), null, read);
    }

    private static string OverFile(DatasetLimits limits) => $"expands past the {Mb(limits.MaxFileBytes)} per-file limit";

    internal static string Mb(long bytes) => bytes >= 1L << 30 ? $"{bytes / (double)(1L << 30):0.#} GB" : $"{bytes / (double)(1 << 20):0.#} MB";
}
