using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace ArtGallery.Imaging;

/// <summary>
/// A dataset's originals: each imported image as uploaded (not squared), long side capped at <see cref="MaxSide"/>,
/// under <c>originals/</c> with the training image's name, so a detail model can learn the collection's real edges.
/// Datasets imported before originals were kept have no such folder.
/// </summary>
public static class DatasetOriginals
{
    /// <summary>Longest side kept.</summary>
    public const int MaxSide = 2048;

    /// <summary>The originals folder of a dataset folder.</summary>
    public static string FolderOf(string datasetDir) => Path.Combine(datasetDir, "originals");

    /// <summary>True when the dataset keeps originals (imported after this feature existed).</summary>
    public static bool Has(string datasetDir) => Directory.Exists(FolderOf(datasetDir));

    /// <summary>True when <paramref name="path"/> lies in the originals folder of <paramref name="datasetDir"/>.</summary>
    public static bool Holds(string datasetDir, string path) =>
        Path.GetFullPath(path).StartsWith(Path.GetFullPath(FolderOf(datasetDir)) + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    /// <summary>A copy of <paramref name="image"/> whose long side is at most <see cref="MaxSide"/>.</summary>
    public static Image<Rgb24> Capped(Image<Rgb24> image)
    {
        double shrink = Math.Min(1, (double)MaxSide / Math.Max(image.Width, image.Height));
        if (shrink >= 1) return image.Clone();
        var size = new Size(Math.Max(1, (int)Math.Round(image.Width * shrink)), Math.Max(1, (int)Math.Round(image.Height * shrink)));
        return image.Clone(x => x.Resize(size, KnownResamplers.Lanczos3, compand: false));
    }

    /// <summary>Writes the original of training image <paramref name="savedAs"/> (temp file + rename).</summary>
    public static void Save(string datasetDir, string savedAs, Image<Rgb24> original)
    {
        var folder = FolderOf(Path.GetFullPath(datasetDir));
        Directory.CreateDirectory(folder);
        AtomicFile.Write(Path.Combine(folder, Path.GetFileName(savedAs)), s => original.Save(s, new PngEncoder()));
    }

    /// <summary>Removes the original of <paramref name="savedAs"/> if there is one.</summary>
    public static void Delete(string datasetDir, string savedAs) => File.Delete(Path.Combine(FolderOf(Path.GetFullPath(datasetDir)), Path.GetFileName(savedAs)));
}
