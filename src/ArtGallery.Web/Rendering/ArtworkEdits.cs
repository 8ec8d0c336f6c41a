using System.Globalization;
using System.Text;

namespace ArtGallery.Web.Rendering;

/// <summary>Latent edits in standard deviations along named directions: "pc1:1.5,warmth:-0.5" (canonical form sorted, zeros dropped).</summary>
public sealed class ArtworkEdits
{
    /// <summary>Principal directions exposed as sliders.</summary>
    public const int PrincipalCount = 8;

    /// <summary>Largest edit in standard deviations.</summary>
    public const double MaxSigma = 3;

    /// <summary>Longest accepted edit string.</summary>
    public const int MaxLength = 256;

    /// <summary>Attribute directions, in slider order.</summary>
    public static readonly string[] Attributes = ArtGallery.Gan.Sampling.EditDirections.Attributes;

    /// <summary>Every direction name, in canonical order.</summary>
    public static readonly string[] Names = [.. Enumerable.Range(0, PrincipalCount).Select(ArtGallery.Gan.Sampling.EditDirections.Principal), .. Attributes];

    /// <summary>No edits.</summary>
    public static readonly ArtworkEdits None = new(new Dictionary<string, double>());

    private ArtworkEdits(IReadOnlyDictionary<string, double> values)
    {
        Values = values;
        Canonical = string.Join(',', Names.Where(values.ContainsKey).Select(n => string.Create(CultureInfo.InvariantCulture, $"{n}:{values[n]:0.##}")));
    }

    /// <summary>Non-zero values by direction name.</summary>
    public IReadOnlyDictionary<string, double> Values { get; }

    /// <summary>The canonical text (what URLs, caches and favorites use).</summary>
    public string Canonical { get; }

    /// <summary>True when nothing is edited.</summary>
    public bool IsEmpty => Values.Count == 0;

    /// <summary>Value of one direction (0 when absent).</summary>
    public double this[string name] => Values.TryGetValue(name, out var v) ? v : 0;

    /// <summary>A copy with one direction set (rounded to 0.01, clamped).</summary>
    public ArtworkEdits With(string name, double value)
    {
        var copy = Values.ToDictionary();
        copy[name] = value;
        return From(copy);
    }

    /// <summary>Builds edits from values; unknown names are ignored, values rounded to 0.01 and clamped to +-3.</summary>
    public static ArtworkEdits From(IReadOnlyDictionary<string, double> values)
    {
        var clean = new Dictionary<string, double>();
        foreach (var (name, raw) in values)
        {
            if (!Names.Contains(name) || !double.IsFinite(raw)) continue;
            double v = Math.Round(Math.Clamp(raw, -MaxSigma, MaxSigma), 2);
            if (v != 0) clean[name] = v;
        }
        return new ArtworkEdits(clean);
    }

    /// <summary>Parses the text form; false with a user-facing <paramref name="error"/> when malformed.</summary>
    public static bool TryParse(string? text, out ArtworkEdits edits, out string? error)
    {
        edits = None;
        error = null;
        if (string.IsNullOrWhiteSpace(text)) return true;
        if (text.Length > MaxLength) { error = $"edits must be at most {MaxLength} characters."; return false; }
        var values = new Dictionary<string, double>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var kv = part.Split(':');
            if (kv.Length != 2 || !Names.Contains(kv[0].ToLowerInvariant())
                || !double.TryParse(kv[1], NumberStyles.Float, CultureInfo.InvariantCulture, out double v) || !double.IsFinite(v) || Math.Abs(v) > MaxSigma)
            {
                error = $"edit '{Clip(part)}' is not valid: use name:value with names {string.Join(", ", Names)} and values in -3..3.";
                return false;
            }
            values[kv[0].ToLowerInvariant()] = v;
        }
        edits = From(values);
        return true;
    }

    private static string Clip(string s) => s.Length <= 32 ? s : new StringBuilder(s[..32]).Append("...").ToString();

    /// <inheritdoc />
    public override string ToString() => Canonical;
}
