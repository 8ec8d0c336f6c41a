using System.Globalization;

namespace ArtGallery.Web.Infrastructure;

/// <summary>Ids of runs, datasets and back-ups: <c>PREFIX-yyyyMMdd-HHmmss-HEX</c> (UTC, so they sort by time; the random
/// hex part keeps two made in the same second apart).</summary>
public static class TimestampedId
{
    /// <summary>A new id with <paramref name="hexDigits"/> random hex digits at the end.</summary>
    public static string New(string prefix, int hexDigits = 3)
    {
        string random = Random.Shared.Next(1 << (4 * hexDigits)).ToString("x" + hexDigits, CultureInfo.InvariantCulture);
        return string.Create(CultureInfo.InvariantCulture, $"{prefix}-{DateTime.UtcNow:yyyyMMdd-HHmmss}-{random}");
    }
}
