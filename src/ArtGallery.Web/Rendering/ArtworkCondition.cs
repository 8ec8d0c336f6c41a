using System.Globalization;
using ArtGallery.Gan.Conditioning;

namespace ArtGallery.Web.Rendering;

/// <summary>
/// What a conditioned model is asked to draw around (issue 21): collection picture <see cref="Like"/> (0-based) instead
/// of the one the seed picks, and/or the colours of <see cref="Palette"/>. URLs write <c>palette=RRGGBB-RRGGBB</c>
/// (2-8 colours) and <c>like=N</c>; the canonical palette is upper-case hex, so URLs, cache keys and favorites of the same
/// picture are the same text. Whether the model has a collection (and how big) is checked against the model, see
/// <see cref="ModelCollections"/>.
/// </summary>
public sealed record ArtworkCondition
{
    private ArtworkCondition(int? like, string? palette, IReadOnlyList<(float R, float G, float B)>? colours) =>
        (Like, Palette, Colours) = (like, palette, colours);

    private const int MaxPaletteLength = PaletteText.MaxColours * 7;
    private const string PaletteHelp = "Give 2 to 8 colours as RRGGBB joined by '-', e.g. palette=1B3A5C-F2C14E-E4572E.";

    /// <summary>The collection picture drawn around; null for the one the seed picks.</summary>
    public int? Like { get; }

    /// <summary>Canonical palette text ("1B3A5C-F2C14E"); null for the picture's own colours.</summary>
    public string? Palette { get; }

    /// <summary>The palette's colours (RGB 0..1), as the generator takes them.</summary>
    public IReadOnlyList<(float R, float G, float B)>? Colours { get; }

    /// <summary>Canonical text for cache keys: "like=3&amp;palette=1B3A5C-F2C14E" (query order).</summary>
    public string Canonical => string.Join('&', QueryParts());

    /// <summary>The query parameters, in canonical order.</summary>
    public IEnumerable<string> QueryParts()
    {
        if (Like is { } like) yield return string.Create(CultureInfo.InvariantCulture, $"like={like}");
        if (Palette is not null) yield return "palette=" + Palette;
    }

    /// <summary>A condition from values known to be well formed (null when both are absent).</summary>
    public static ArtworkCondition? Create(int? like, IReadOnlyList<(float R, float G, float B)>? colours) =>
        like is null && colours is null ? null : new(like, colours is null ? null : PaletteText.Format(colours), colours);

    /// <summary>Parses <c>like</c> and <c>palette</c> as URLs carry them; absent or empty is no condition. False with a
    /// message that names the parameter.</summary>
    public static bool TryParse(string? like, string? palette, out ArtworkCondition? condition, out string? error)
    {
        (condition, error) = (null, null);
        int? index = null;
        if (!string.IsNullOrEmpty(like))
        {
            if (like.Length > 9 || !int.TryParse(like, NumberStyles.None, CultureInfo.InvariantCulture, out int n))
                return Fail("like must be a collection index: an integer 0 or more (GET /api/models/{model}/collection lists them).", out error);
            index = n;
        }
        List<(float R, float G, float B)>? colours = null;
        if (!string.IsNullOrEmpty(palette))
        {
            if (palette.Length > MaxPaletteLength) return Fail($"palette is too long: {PaletteHelp}", out error);
            if (!PaletteText.TryParse(palette, out var parsed, out var problem)) return Fail($"palette: {problem}. {PaletteHelp}", out error);
            colours = parsed;
        }
        // Round-tripped through the canonical text so the colours rendered are exactly the ones the URL shows.
        condition = Create(index, colours);
        return true;
    }

    /// <summary>Reads <see cref="Canonical"/> text back (a stored favorite); null for "" or text that no longer parses.</summary>
    public static ArtworkCondition? FromCanonical(string? canonical)
    {
        if (string.IsNullOrEmpty(canonical)) return null;
        var values = canonical.Split('&').Select(p => p.Split('=', 2)).Where(kv => kv.Length == 2).ToDictionary(kv => kv[0], kv => kv[1]);
        return TryParse(values.GetValueOrDefault("like"), values.GetValueOrDefault("palette"), out var condition, out _) ? condition : null;
    }

    /// <summary>Checks the condition against the model's collection (null: trained without conditions).</summary>
    public string? ProblemWith(int? collectionCount)
    {
        string what = (Like, Palette) switch { (not null, not null) => "like and palette", (not null, _) => "like", _ => "palette" };
        if (collectionCount is not { } count)
            return $"{what}: this model was trained without conditions (not with the 'conditioned' recipe), so it cannot draw "
                + "around a collection picture or in chosen colours. Leave out palette and like.";
        if (Like is { } like && like >= count)
            return string.Create(CultureInfo.InvariantCulture, $"like must be a collection index 0..{count - 1} (was {like}).");
        return null;
    }

    private static bool Fail(string message, out string? error)
    {
        error = message;
        return false;
    }
}
