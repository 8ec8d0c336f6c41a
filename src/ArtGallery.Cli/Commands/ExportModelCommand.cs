using ArtGallery.Gan.Sampling;

namespace ArtGallery.Cli.Commands;

/// <summary>artgallery export-model: the EMA generator of a checkpoint as a small .agmodel the web app can serve.</summary>
public sealed class ExportModelCommand : ICliCommand
{
    public string Verb => "export-model";
    public string Usage => $"export-model --checkpoint {CheckpointOption.Help} --out FILE.agmodel";

    public int Run(CliArgs args, CliContext context)
    {
        string source = CheckpointOption.Path(args);
        string target = args.Required("out");
        args.EnsureAllUsed();
        if (Path.GetDirectoryName(Path.GetFullPath(target)) is { } dir) Directory.CreateDirectory(dir);
        string id = ArtGenerator.Export(source, target);
        context.Out.WriteLine($"exported model {id} to {target} ({new FileInfo(target).Length / 1024} KiB)");
        return 0;
    }
}
