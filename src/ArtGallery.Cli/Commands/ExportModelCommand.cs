using ArtGallery.Gan.Conditioning;
using ArtGallery.Gan.Sampling;

namespace ArtGallery.Cli.Commands;

/// <summary>artgallery export-model: the EMA generator of a checkpoint as a small .agmodel the web app can serve.</summary>
public sealed class ExportModelCommand : ICliCommand
{
    public string Verb => "export-model";
    public string Usage => $"export-model --checkpoint {CheckpointOption.Help} --out FILE.agmodel [--seed-order shuffled|hashed]";

    public int Run(CliArgs args, CliContext context)
    {
        string source = CheckpointOption.Path(args);
        string target = args.Required("out");
        var seedOrder = args.Optional("seed-order") switch
        {
            null => (CollectionSeedOrder?)null,
            "shuffled" => CollectionSeedOrder.Shuffled,
            "hashed" => CollectionSeedOrder.Hashed,
            var other => throw new CliException($"--seed-order must be shuffled or hashed (got '{other}')."),
        };
        args.EnsureAllUsed();
        if (Path.GetDirectoryName(Path.GetFullPath(target)) is { } dir) Directory.CreateDirectory(dir);
        string id = ArtGenerator.Export(source, target, seedOrder);
        context.Out.WriteLine($"exported model {id} to {target} ({new FileInfo(target).Length / 1024} KiB)");
        return 0;
    }
}
