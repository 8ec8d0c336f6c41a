using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace ArtGallery.Imaging;

/// <summary>The only place imports write: app-generated names inside one folder, via temp file + rename.</summary>
internal sealed class DatasetFolder
{
    private readonly string root;
    private int next; // next number to try; the folder is listed once, not per save (imports stay linear)

    public DatasetFolder(string datasetDir)
    {
        if (string.IsNullOrWhiteSpace(datasetDir)) throw new ArgumentException("A dataset folder is required.", nameof(datasetDir));
        root = Path.GetFullPath(datasetDir);
        Directory.CreateDirectory(root);
    }

    /// <summary>The dataset folder (full path).</summary>
    public string Root => root;

    /// <summary>Saves as the next free img-NNNNNN.png and returns that file name.</summary>
    public string SaveNew(Image<Rgb24> image)
    {
        string temp = AtomicFile.NewTempPathIn(root, "import");
        try
        {
            using (var s = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
            {
                image.Save(s, ImageOps.PixelsOnlyPng);
                s.Flush(true);
            }
            if (this.next == 0) this.next = NextNumber();
            for (; ; this.next++)
            {
                string name = $"img-{this.next:D6}.png";
                try
                {
                    File.Move(temp, Inside(name), overwrite: false);
                    this.next++;
                    return name;
                }
                catch (IOException) when (File.Exists(Inside(name)))
                {
                    // Another import took this number meanwhile: try the next one.
                }
            }
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    public FileStream CreateSpool() =>
        new(AtomicFile.NewTempPathIn(root, "upload"), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose);

    public void Delete(string name)
    {
        File.Delete(Inside(name));
        DatasetOriginals.Delete(root, name);
    }

    private int NextNumber()
    {
        int max = 0;
        foreach (var path in Directory.EnumerateFiles(root, "img-*.png"))
        {
            string stem = Path.GetFileNameWithoutExtension(path)[4..];
            if (int.TryParse(stem, out int n) && n > max) max = n;
        }
        return max + 1;
    }

    private string Inside(string name)
    {
        string full = Path.GetFullPath(Path.Combine(root, name));
        // Defence in depth: names are ours, but never let one resolve outside the folder.
        if (Path.GetDirectoryName(full) != root) throw new InvalidOperationException($"Refusing to write outside {root}.");
        return full;
    }
}
