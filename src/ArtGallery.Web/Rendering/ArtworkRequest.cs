using System.Globalization;
using ArtGallery.Imaging;

namespace ArtGallery.Web.Rendering;

/// <summary>
/// What reproduces one artwork: model + seed + truncation + edits (+ an interpolation frame, + a condition), always in canonical form: truncation is rounded
/// to 0.01 here, whatever builds the request, and edits are canonical by construction, so the
/// picture rendered, the cache key, the URLs and stored favorites all come from the same values.
/// </summary>
public sealed record ArtworkRequest(string ModelId, long Seed, float Truncation, ArtworkEdits Edits)
{
    /// <summary>Decimals kept of truncation (URLs show 0.01 steps, so renders use exactly those).</summary>
    public const int TruncationDecimals = 2;

    private readonly float truncation = Canonical(Truncation);

    /// <summary>Truncation (psi), rounded to 0.01.</summary>
    public float Truncation { get => truncation; init => truncation = Canonical(value); }

    /// <summary>A frame of an interpolation towards another seed; null for the seed's own picture.</summary>
    public ArtworkMix? Mix { get; init; }

    /// <summary>A conditioned model's <c>like</c> and <c>palette</c>; null for the picture the seed picks in its own colours.</summary>
    public ArtworkCondition? Condition { get; init; }

    /// <summary>The truncation the app renders for <paramref name="value"/>: rounded to 0.01, -0 made 0 (it prints as "-0", a second
    /// key and URL for the same picture); non-finite values pass through for validation to refuse.</summary>
    public static float Canonical(float value) =>
        float.IsFinite(value) ? (float)Math.Round((double)value, TruncationDecimals, MidpointRounding.AwayFromZero) + 0f : value;

    /// <summary>Largest seed.</summary>
    public const long MaxSeed = int.MaxValue;

    /// <summary>The longest model id accepted (the app's own ids are far shorter).</summary>
    public const int MaxModelIdLength = 64;

    /// <summary>Truncation range (psi).</summary>
    public const float MinTruncation = 0f, MaxTruncation = 1.5f;

    /// <summary>Cache key and log text.</summary>
    public string Key => string.Create(CultureInfo.InvariantCulture, $"{ModelId}/{Seed}/{Truncation:0.##}/{Edits.Canonical}") + (Mix is null ? "" : "/" + Mix.Canonical)
        + (Condition is null ? "" : "/" + Condition.Canonical);

    /// <summary>Query string (without "?") carrying truncation and edits; empty for the defaults.</summary>
    public string Query
    {
        get
        {
            var parts = new List<string>();
            if (Truncation != 1f) parts.Add(string.Create(CultureInfo.InvariantCulture, $"trunc={Truncation:0.##}"));
            if (!Edits.IsEmpty) parts.Add("edits=" + Uri.EscapeDataString(Edits.Canonical));
            if (Mix is not null) parts.Add("mix=" + Uri.EscapeDataString(Mix.Canonical));
            if (Condition is not null) parts.AddRange(Condition.QueryParts());
            return string.Join('&', parts);
        }
    }

    /// <summary>URL of the PNG.</summary>
    public string ImageUrl => $"/api/artworks/{ModelId}/{Seed}.png" + (Query.Length > 0 ? "?" + Query : "");

    /// <summary>Side of the pictures gallery cards request (they show at about 200-260 px).</summary>
    public const int CardSide = 256;

    /// <summary>Sides the display endpoint accepts (<c>?size=</c>).</summary>
    public const int MinDisplaySide = 16, MaxDisplaySide = 1024;

    /// <summary>URL of the picture enlarged to <paramref name="side"/> px for display (cheap Lanczos, see IArtRenderer.DisplayPngAsync).</summary>
    public string DisplayUrl(int side = CardSide, int candidate = 0) =>
        string.Create(CultureInfo.InvariantCulture, $"/api/artworks/{ModelId}/{Seed}.png?size={side}")
        + (candidate != 0 ? string.Create(CultureInfo.InvariantCulture, $"&candidate={candidate}") : "") + (Query.Length > 0 ? "&" + Query : "");

    /// <summary>URL of the large view: 4x the model's side through its detail model.</summary>
    public string LargeImageUrl => $"/api/artworks/{ModelId}/{Seed}.png?view=large" + (Query.Length > 0 ? "&" + Query : "");

    /// <summary>URL of the artwork page.</summary>
    public string PageUrl => $"/art/{ModelId}/{Seed}" + (Query.Length > 0 ? "?" + Query : "");

    /// <summary>Checks seed and truncation (as it will be rendered, rounded); false with a user-facing message.</summary>
    public static bool TryValidate(long seed, float truncation, out string? error)
    {
        truncation = Canonical(truncation);
        error = seed is < 0 or > MaxSeed ? $"seed must be 0..{MaxSeed} (was {seed})."
            : !float.IsFinite(truncation) || truncation < MinTruncation || truncation > MaxTruncation ? $"trunc must be {MinTruncation}..{MaxTruncation}."
            : null;
        return error is null;
    }

    /// <summary>True for ids the app itself generates (hex and dashes), so ids never reach a path unchecked.</summary>
    public static bool IsValidModelId(string? id) =>
        SafeName.IsValid(id, MaxModelIdLength);
}
