using System.Globalization;
using System.Text;
using SixLabors.ImageSharp;

namespace ArtGallery.Imaging;

/// <summary>Writes a dataset out as numbered PNGs (00000.png, ...) plus labels.csv (file,family) when labelled.</summary>
public static class DatasetExport
{
    /// <summary>Writes the first <paramref name="count"/> images at <paramref name="resolution"/> px into <paramref name="outDir"/>.</summary>
    public static void Write(IImageDataset dataset, int count, int resolution, string outDir)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        if (count < 1 || count > dataset.Count)
            throw new ArgumentOutOfRangeException(nameof(count), count, $"Count must be 1..{dataset.Count}.");
        if (resolution is < 1 or > AbstractPainter.MaxResolution)
            throw new ArgumentOutOfRangeException(nameof(resolution), resolution, $"Resolution must be 1..{AbstractPainter.MaxResolution}.");
        Directory.CreateDirectory(outDir);
        var labelled = dataset as ILabelledDataset;
        var csv = new StringBuilder("file,family\n");
        var chw = new float[3 * resolution * resolution];
        var encoder = ImageOps.PixelsOnlyPng;
        for (int i = 0; i < count; i++)
        {
            string file = i.ToString("D5", CultureInfo.InvariantCulture) + ".png";
            dataset.Read(i, resolution, chw);
            using (var image = PlanarRgb.ToImage(chw, resolution, resolution))
                image.Save(Path.Combine(outDir, file), encoder);
            if (labelled is not null) csv.Append(file).Append(',').Append(labelled.Labels[labelled.LabelOf(i)]).Append('\n');
        }
        if (labelled is not null) File.WriteAllText(Path.Combine(outDir, "labels.csv"), csv.ToString());
    }
}
