using System.Globalization;
using ArtGallery.Contracts;
using ArtGallery.Gan.Checkpoints;

namespace ArtGallery.Gan.Training;

/// <summary>A sample grid in a run folder and how far into training it was drawn.</summary>
public sealed record SampleGridFile(string FileName, double Kimg);

/// <summary>The layout of a run folder, owned here for the trainer, the CLI and the web app:
/// <c>run.json</c> (options), <c>checkpoints/</c>, <c>samples/grid-*.png</c> and <c>progress.csv</c> (the curves).</summary>
public sealed class RunFolder(string path)
{
    private const string GridPrefix = "grid-";

    /// <summary>The folder.</summary>
    public string Path { get; } = System.IO.Path.GetFullPath(path);

    /// <summary>The options the run was started with.</summary>
    public string OptionsFile => System.IO.Path.Combine(Path, "run.json");

    /// <summary>Checkpoints (see <see cref="CheckpointStore"/>).</summary>
    public string Checkpoints => System.IO.Path.Combine(Path, "checkpoints");

    /// <summary>The built-in dataset's descriptors (conditioned recipe; a folder or zip dataset keeps them beside itself).</summary>
    public string DescriptorCache => System.IO.Path.Combine(Path, "descriptors.agdesc");

    /// <summary>Sample grids.</summary>
    public string Samples => System.IO.Path.Combine(Path, "samples");

    /// <summary>One line per progress report: the charts' data, kept so a finished run's curves can be shown later.</summary>
    public string ProgressFile => System.IO.Path.Combine(Path, "progress.csv");

    /// <summary>Path of the grid drawn after <paramref name="imagesSeen"/> real images (names sort by age; fractional kimg kept).</summary>
    public string SampleGridPath(long imagesSeen) => System.IO.Path.Combine(Samples, $"{GridPrefix}{imagesSeen:D9}.png");

    /// <summary>Sample grids, oldest first.</summary>
    public IReadOnlyList<SampleGridFile> SampleGrids()
    {
        if (!Directory.Exists(Samples)) return [];
        return Directory.GetFiles(Samples, GridPrefix + "*.png").Select(System.IO.Path.GetFileName)
            .Select(name => KimgOf(name!) is { } kimg ? new SampleGridFile(name!, kimg) : null)
            .OfType<SampleGridFile>().OrderBy(g => g.Kimg).ToList();
    }

    /// <summary>The full path of a sample grid by file name; null for a name that is not one of this run's grids.</summary>
    public string? SampleGridFile(string fileName) =>
        KimgOf(fileName) is not null && File.Exists(System.IO.Path.Combine(Samples, fileName)) ? System.IO.Path.Combine(Samples, fileName) : null;

    /// <summary>Writes run.json.</summary>
    public void WriteOptions(TrainingOptions options)
    {
        Directory.CreateDirectory(Path);
        File.WriteAllText(OptionsFile, options.ToJson());
    }

    /// <summary>Appends one report to progress.csv.</summary>
    public void AppendProgress(TrainingProgress p) =>
        File.AppendAllText(ProgressFile, ProgressPoint.From(p).ToCsv() + "\n");

    /// <summary>The recorded curve points, oldest first (unreadable lines are skipped).</summary>
    public IReadOnlyList<ProgressPoint> ReadProgress() =>
        File.Exists(ProgressFile) ? File.ReadLines(ProgressFile).Select(ProgressPoint.TryParse).OfType<ProgressPoint>().ToList() : [];

    // grid-000001.png (older runs: whole kimg) or grid-000001500.png (images seen).
    private static double? KimgOf(string fileName)
    {
        if (!fileName.StartsWith(GridPrefix, StringComparison.Ordinal) || !fileName.EndsWith(".png", StringComparison.Ordinal)) return null;
        var digits = fileName[GridPrefix.Length..^4];
        if (digits.Length is not (6 or 9) || !digits.All(char.IsAsciiDigit)) return null;
        long n = long.Parse(digits, CultureInfo.InvariantCulture);
        return digits.Length == 6 ? n : n / 1000.0;
    }
}
