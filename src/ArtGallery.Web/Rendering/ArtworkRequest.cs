using System.Globalization;

namespace ArtGallery.Web.Rendering;

/// <summary>What reproduces one artwork: model + seed + truncation + edits.</summary>
public sealed record ArtworkRequest(string ModelId, long Seed, float Truncation, ArtworkEdits Edits)
{
    /// <summary>Largest seed.</summary>
    public const long MaxSeed = int.MaxValue;

    /// <summary>Truncation range (psi).</summary>
    public const float MinTruncation = 0f, MaxTruncation = 1.5f;

    /// <summary>Cache key and log text.</summary>
    public string Key => string.Create(CultureInfo.InvariantCulture, $"{ModelId}/{Seed}/{Truncation:0.##}/{Edits.Canonical}");

    /// <summary>Query string (without "?") carrying truncation and edits; empty for the defaults.</summary>
    public string Query
    {
        get
        {
            var parts = new List<string>();
            if (Truncation != 1f) parts.Add(string.Create(CultureInfo.InvariantCulture, $"trunc={Truncation:0.##}"));
            if (!Edits.IsEmpty) parts.Add("edits=" + Uri.EscapeDataString(Edits.Canonical));
            return string.Join('&', parts);
        }
    }

    /// <summary>URL of the PNG.</summary>
    public string ImageUrl => $"/api/artworks/{ModelId}/{Seed}.png" + (Query.Length > 0 ? "?" + Query : "");

    /// <summary>URL of the large view: 4x the model's side through its detail model.</summary>
    public string LargeImageUrl => $"/api/artworks/{ModelId}/{Seed}.png?view=large" + (Query.Length > 0 ? "&" + Query : "");

    /// <summary>URL of the artwork page.</summary>
    public string PageUrl => $"/art/{ModelId}/{Seed}" + (Query.Length > 0 ? "?" + Query : "");

    /// <summary>Checks seed and truncation; false with a user-facing message.</summary>
    public static bool TryValidate(long seed, float truncation, out string? error)
    {
        error = seed is < 0 or > MaxSeed ? $"seed must be 0..{MaxSeed} (was {seed})."
            : !float.IsFinite(truncation) || truncation < MinTruncation || truncation > MaxTruncation ? $"trunc must be {MinTruncation}..{MaxTruncation}."
            : null;
        return error is null;
    }

    /// <summary>True for ids the app itself generates (hex and dashes), so ids never reach a path unchecked.</summary>
    public static bool IsValidModelId(string? id) =>
        !string.IsNullOrEmpty(id) && id.Length <= 64 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
