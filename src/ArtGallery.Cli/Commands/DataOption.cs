using ArtGallery.Imaging;

namespace ArtGallery.Cli.Commands;

/// <summary>The --data option shared by every command that reads images.</summary>
internal static class DataOption
{
    public const string Help = "builtin:abstract[?count=N&seed=S]|FOLDER|ZIP";

    /// <summary>Opens the dataset and prints what was skipped (file and reason) so nothing is dropped silently.</summary>
    public static IImageDataset Open(string spec, CliContext context)
    {
        var (dataset, report) = DatasetSource.Open(spec);
        context.Out.WriteLine(report.Summary);
        foreach (var refused in report.Refused.Take(20)) context.Out.WriteLine($"  skipped {refused}");
        if (report.Refused.Count > 20) context.Out.WriteLine($"  ... and {report.Refused.Count - 20} more");
        foreach (var warning in report.Warnings.Take(20)) context.Out.WriteLine($"  warning {warning}");
        if (report.Warnings.Count > 20) context.Out.WriteLine($"  ... and {report.Warnings.Count - 20} more warnings");
        return dataset;
    }
}
