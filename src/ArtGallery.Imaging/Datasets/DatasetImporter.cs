using SixLabors.ImageSharp;

namespace ArtGallery.Imaging;

/// <summary>
/// Imports uploads into a dataset folder. Every image is validated, centre-cropped to a square of at most
/// <see cref="DatasetLimits.MasterSize"/> px and re-encoded as PNG under an app-generated name (img-000001.png);
/// nothing is ever written outside <c>datasetDir</c>. A zip past the total expansion limit is refused whole
/// and the files it had added are removed; other bad entries are refused one by one and the rest kept.
/// </summary>
public static class DatasetImporter
{
    /// <summary>Imports every acceptable image of a zip; refusals are named "<paramref name="archiveName"/>: entry" when it is given.</summary>
    public static ImportReport ImportZip(Stream zip, string datasetDir, DatasetLimits? limits = null, string? archiveName = null)
    {
        string Label(string entry) => archiveName is null ? entry : $"{archiveName}: {entry}";
        limits ??= DatasetLimits.Default;
        var target = new DatasetFolder(datasetDir);
        var accepted = new List<ImportedFile>();
        var refused = new List<RefusedFile>();
        FileStream? spool = null;
        try
        {
            if (!zip.CanSeek)
            {
                // ZipArchive buffers unseekable streams in memory; spool to disk (inside the dataset folder) instead.
                spool = target.CreateSpool();
                if (!CopyCapped(zip, spool, limits.MaxZipTotalBytes))
                    return new ImportReport([], [], $"upload refused: larger than {SafeZip.Mb(limits.MaxZipTotalBytes)}");
                spool.Position = 0;
            }
            foreach (var entry in SafeZip.Read(spool ?? zip, limits))
            {
                if (entry.Data is null) { refused.Add(new RefusedFile(Label(entry.Name), entry.Refusal!)); continue; }
                if (Save(entry.Data, Label(entry.Name), target, limits, out var saved, out var no)) accepted.Add(saved!);
                else refused.Add(no!);
            }
        }
        catch (DatasetException ex)
        {
            // The whole zip is refused: named in the report, and the images it had added are removed.
            foreach (var file in accepted) target.Delete(file.SavedAs);
            return new ImportReport([], [.. refused, new RefusedFile(archiveName ?? "zip", ex.Message)], ex.Message);
        }
        finally
        {
            spool?.Dispose();
        }
        string? error = accepted.Count > 0 ? null
            : refused.Count == 0 ? "no images: the zip contains no files" : "no images: every file in the zip was refused";
        return new ImportReport(accepted, refused, error);
    }

    /// <summary>Imports one uploaded image; <paramref name="fileName"/> is only used in the report.</summary>
    public static ImportReport ImportFile(Stream file, string fileName, string datasetDir, DatasetLimits? limits = null)
    {
        limits ??= DatasetLimits.Default;
        var target = new DatasetFolder(datasetDir);
        var buffer = new MemoryStream();
        if (!CopyCapped(file, buffer, limits.MaxFileBytes))
            return new ImportReport([], [new RefusedFile(fileName, $"file exceeds the {SafeZip.Mb(limits.MaxFileBytes)} limit")]);
        return Save(buffer.ToArray(), fileName, target, limits, out var saved, out var no)
            ? new ImportReport([saved!], [])
            : new ImportReport([], [no!]);
    }

    /// <summary>A square PNG thumbnail (centre crop) of an image file, for dataset pages.</summary>
    public static byte[] Thumbnail(string path, int size, DatasetLimits? limits = null)
    {
        limits ??= DatasetLimits.Default;
        if (size is < 1 or > 1024) throw new ArgumentOutOfRangeException(nameof(size), size, "Thumbnail size must be 1..1024.");
        var info = new FileInfo(path);
        if (!info.Exists) throw new DatasetException($"{info.Name} not found");
        if (info.Length > limits.MaxFileBytes) throw new DatasetException($"{info.Name} exceeds the {SafeZip.Mb(limits.MaxFileBytes)} limit");
        using var image = SafeImageDecoder.TryDecode(File.ReadAllBytes(path), limits, out string reason)
            ?? throw new DatasetException($"{info.Name}: {reason}");
        ImageOps.CenterSquare(image, size);
        if (image.Width < size) ImageOps.Upscale(image, size);
        using var output = new MemoryStream();
        image.Save(output, ImageOps.PixelsOnlyPng);
        return output.ToArray();
    }

    private static bool Save(byte[] data, string name, DatasetFolder target, DatasetLimits limits, out ImportedFile? saved, out RefusedFile? refused)
    {
        saved = null;
        refused = null;
        using var image = SafeImageDecoder.TryDecode(data, limits, out string reason, out string? note);
        if (image is null) { refused = new RefusedFile(name, reason); return false; }
        string? warning = Join(ImageOps.UniformWarning(image), note);
        using var original = DatasetOriginals.Capped(image);
        ImageOps.CenterSquare(image, limits.MasterSize);
        saved = new ImportedFile(name, target.SaveNew(image), warning);
        DatasetOriginals.Save(target.Root, saved.SavedAs, original);
        return true;
    }

    internal static string? Join(string? first, string? second) => first is null ? second : second is null ? first : $"{first}; {second}";

    private static bool CopyCapped(Stream from, Stream to, long cap)
    {
        var chunk = new byte[81920];
        long total = 0;
        int n;
        while ((n = from.Read(chunk, 0, chunk.Length)) > 0)
        {
            total += n;
            if (total > cap) return false;
            to.Write(chunk, 0, n);
        }
        return true;
    }
}
