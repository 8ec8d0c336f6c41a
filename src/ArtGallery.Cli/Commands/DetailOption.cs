using ArtGallery.Detail;

namespace ArtGallery.Cli.Commands;

/// <summary>The --detail option: a .agdetail file, or "default" for the bundled one next to the app.</summary>
internal static class DetailOption
{
    public const string Help = "FILE.agdetail|default";

    /// <summary>The file <paramref name="value"/> names, refused with a clear message when it does not exist.</summary>
    public static string Path(string value)
    {
        string path = value.Equals("default", StringComparison.OrdinalIgnoreCase) ? DetailModel.DefaultPath : value;
        if (!File.Exists(path)) throw new CliException($"--detail '{path}' does not exist");
        return path;
    }
}
