using System.Globalization;

namespace ArtGallery.Web.Rendering;

/// <summary>
/// A point on the way from an artwork's seed to another seed (the explorer's interpolation): the latent is the slerp
/// of the two seeds' latents at <see cref="T"/>. Written "toSeed:t" in URLs (<c>mix=42:0.29</c>), t rounded to 0.01 so
/// the frame shown, its URL, cache key and favorite are the same picture.
/// </summary>
public sealed record ArtworkMix
{
    /// <summary>Decimals kept of <see cref="T"/>.</summary>
    public const int Decimals = 2;

    /// <summary>Creates a mix; <paramref name="t"/> is rounded to 0.01.</summary>
    public ArtworkMix(long toSeed, double t) => (ToSeed, T) = (toSeed, Math.Round(t, Decimals, MidpointRounding.AwayFromZero));

    /// <summary>The seed the interpolation goes to.</summary>
    public long ToSeed { get; }

    /// <summary>How far along, 0 (the artwork's own seed) .. 1 (<see cref="ToSeed"/>).</summary>
    public double T { get; }

    /// <summary>Canonical text: "42:0.29".</summary>
    public string Canonical => string.Create(CultureInfo.InvariantCulture, $"{ToSeed}:{T:0.##}");

    /// <summary>Parses "toSeed:t"; null text is no mix; false with a message in words when malformed.</summary>
    public static bool TryParse(string? text, out ArtworkMix? mix, out string? error)
    {
        (mix, error) = (null, null);
        if (string.IsNullOrWhiteSpace(text)) return true;
        var parts = text.Split(':');
        if (text.Length > 40 || parts.Length != 2
            || !long.TryParse(parts[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out long seed) || seed is < 0 or > ArtworkRequest.MaxSeed
            || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out double t) || !double.IsFinite(t) || t is < 0 or > 1)
        {
            error = $"mix must be 'seed:t' with a seed 0..{ArtworkRequest.MaxSeed} and t in 0..1 (how far towards that seed), e.g. mix=42:0.25.";
            return false;
        }
        mix = new ArtworkMix(seed, t);
        return true;
    }

    /// <summary>The frames of a walk from <paramref name="start"/> to <paramref name="toSeed"/> (same truncation and edits):
    /// the first and last are the two seeds' own artworks, the ones between are mixes at even steps.</summary>
    public static IReadOnlyList<ArtworkRequest> Walk(ArtworkRequest start, long toSeed, int count)
    {
        if (count < 2) throw new ArgumentOutOfRangeException(nameof(count), count, "A walk has at least its two ends.");
        var frames = new List<ArtworkRequest> { start with { Mix = null } };
        for (int i = 1; i < count - 1; i++) frames.Add(start with { Mix = new ArtworkMix(toSeed, i / (count - 1.0)) });
        frames.Add(start with { Seed = toSeed, Mix = null });
        return frames;
    }

    /// <inheritdoc />
    public override string ToString() => Canonical;
}
