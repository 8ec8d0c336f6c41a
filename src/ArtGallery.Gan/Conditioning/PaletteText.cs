using System.Globalization;

namespace ArtGallery.Gan.Conditioning;

/// <summary>A palette as people and URLs write it: 2 to 8 hex colours joined by '-', e.g. "1B3A5C-F2C14E-E4572E".</summary>
public static class PaletteText
{
    public const int MinColours = 2, MaxColours = 8;

    /// <summary>Parses a palette; on failure <paramref name="problem"/> says what is wrong, in words.</summary>
    public static bool TryParse(string? text, out List<(float R, float G, float B)> colours, out string problem)
    {
        colours = [];
        problem = "";
        var parts = (text ?? "").Split('-');
        if (parts.Length is < MinColours or > MaxColours)
        {
            problem = $"give {MinColours} to {MaxColours} colours as RRGGBB joined by '-', got {parts.Length}";
            return false;
        }
        foreach (var part in parts)
        {
            if (part.Length != 6 || !int.TryParse(part, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int rgb))
            {
                problem = $"'{part}' is not a colour: write each as six hex digits, like F2C14E";
                colours = [];
                return false;
            }
            colours.Add(((rgb >> 16 & 255) / 255f, (rgb >> 8 & 255) / 255f, (rgb & 255) / 255f));
        }
        return true;
    }

    /// <summary>Writes colours (RGB 0..1) back as "RRGGBB-RRGGBB".</summary>
    public static string Format(IEnumerable<(float R, float G, float B)> colours) =>
        string.Join('-', colours.Select(c => $"{To255(c.R):X2}{To255(c.G):X2}{To255(c.B):X2}"));

    private static int To255(float v) => (int)Math.Round(Math.Clamp(v, 0, 1) * 255);
}
