using ArtGallery.Imaging;

namespace ArtGallery.Cli.Commands;

/// <summary>artgallery dataset export: writes a dataset as PNGs plus labels.csv (file,family).</summary>
public sealed class DatasetExportCommand : ICliCommand
{
    public string Verb => "dataset export";
    public string Usage => $"dataset export --data {DataOption.Help} --count N --res R --out DIR";

    public int Run(CliArgs args, CliContext context)
    {
        string spec = args.Optional("data") ?? "builtin:abstract";
        int count = args.Int("count", 0, 1, 1_000_000);
        if (count == 0) throw new CliException("--count is required");
        int res = args.Int("res", 0, 4, AbstractPainter.MaxResolution);
        if (res == 0) throw new CliException("--res is required");
        string outDir = args.Required("out");
        args.EnsureAllUsed();

        var dataset = DataOption.Open(spec, context);
        if (count > dataset.Count) throw new CliException($"--count {count} is more than the {dataset.Count} images in {dataset.Name}");
        DatasetExport.Write(dataset, count, res, outDir);
        context.Out.WriteLine($"wrote {count} PNGs at {res}x{res}{(dataset is ILabelledDataset ? " and labels.csv" : "")} to {outDir}");
        return 0;
    }
}
