using ArtGallery.Gan.Sampling;

namespace ArtGallery.Cli.Commands;

/// <summary>The --checkpoint option: a run folder, a .agck checkpoint or an exported .agmodel.</summary>
internal static class CheckpointOption
{
    public const string Help = "RUNDIR|FILE";

    /// <summary>The path given, refused with a clear message when it does not exist.</summary>
    public static string Path(CliArgs args)
    {
        string path = args.Required("checkpoint");
        if (!Directory.Exists(path) && !File.Exists(path))
            throw new CliException($"--checkpoint '{path}' does not exist (give a run folder, a .agck checkpoint or a .agmodel file)");
        return path;
    }

    /// <summary>The EMA generator stored at <paramref name="path"/>.</summary>
    public static ArtGenerator Load(string path) => ArtGenerator.Load(path);
}
