using System.Globalization;
using ArtGallery.Imaging;
using ArtGallery.Web.Rendering;

namespace ArtGallery.Web.Api;

/// <summary>
/// The print endpoint's query string, in one place both ways: the print dialog builds its link with <see cref="For"/> and
/// <see cref="Url"/>, the endpoint binds the same record with <c>[AsParameters]</c> and reads it with <see cref="TryRead"/>.
/// Values arrive as text, so a bad one gets the endpoint's message naming the parameter instead of a binding failure.
/// </summary>
public sealed record PrintQuery(
    string? Size = null, string? Orientation = null, string? Dpi = null, string? Crop = null, string? Candidate = null,
    string? Upscaler = null, string? Trunc = null, string? Edits = null, string? Mix = null, string? Like = null, string? Palette = null)
{
    /// <summary>Defaults of an absent parameter.</summary>
    public const string DefaultSize = "12x15";

    /// <summary>Dots per inch when none is given.</summary>
    public const int DefaultDpi = 300;

    /// <summary>What a valid query asks for.</summary>
    public sealed record Choice(PrintSpec Spec, string Size, int Dpi, double Crop, int Candidate, Rendering.Upscaler Upscaler)
    {
        /// <summary>The file the print downloads as: "model-seed-12x15-300dpi.png".</summary>
        public string FileName(ArtworkRequest artwork) => PrintQuery.FileName(artwork, Size, Dpi);
    }

    /// <summary>The query of a print of <paramref name="artwork"/> (its truncation, edits, frame and condition carried as the page's URL has them).</summary>
    public static PrintQuery For(ArtworkRequest artwork, string size, string orientation, int dpi, double crop, int candidate,
        Rendering.Upscaler? upscaler = null) => new(
            size, orientation, dpi.ToString(CultureInfo.InvariantCulture), crop.ToString("0.##", CultureInfo.InvariantCulture),
            candidate.ToString(CultureInfo.InvariantCulture), upscaler?.ToString().ToLowerInvariant(),
            artwork.Truncation.ToString("0.##", CultureInfo.InvariantCulture), artwork.Edits.Canonical, artwork.Mix?.Canonical,
            artwork.Condition?.Like?.ToString(CultureInfo.InvariantCulture), artwork.Condition?.Palette);

    /// <summary>The endpoint's URL for this query and artwork.</summary>
    public string Url(string modelId, long seed)
    {
        var parts = new List<string>();
        void Add(string name, string? value)
        {
            if (value is not null) parts.Add(name + "=" + Uri.EscapeDataString(value));
        }
        Add("size", Size);
        Add("dpi", Dpi);
        Add("orientation", Orientation);
        Add("crop", Crop);
        Add("trunc", Trunc);
        Add("edits", Edits);
        Add("mix", Mix);
        Add("like", Like);
        Add("palette", Palette);
        Add("candidate", Candidate);
        Add("upscaler", Upscaler);
        return string.Create(CultureInfo.InvariantCulture, $"/api/artworks/{Uri.EscapeDataString(modelId)}/{seed}/print?") + string.Join('&', parts);
    }

    /// <summary>Checks the print's own parameters (the artwork's are ArtworkParser's); false with a message naming the parameter.</summary>
    public bool TryRead(long maxPixels, out Choice? choice, out string? error)
    {
        choice = null;
        string size = string.IsNullOrEmpty(Size) ? DefaultSize : Size;
        int dpi = DefaultDpi;
        if (!string.IsNullOrEmpty(Dpi) && !int.TryParse(Dpi, NumberStyles.Integer, CultureInfo.InvariantCulture, out dpi))
            return Fail("dpi must be an integer.", out error);
        if (!PrintSpec.TryCreate(size, Orientation ?? "", dpi, out var spec, out error, maxPixels)) return false;
        double crop = 0.5;
        if (!string.IsNullOrEmpty(Crop) && (!double.TryParse(Crop, NumberStyles.Float, CultureInfo.InvariantCulture, out crop) || crop is < 0 or > 1 || !double.IsFinite(crop)))
            return Fail("crop must be a number in 0..1 (0 = left/top, 0.5 = centre, 1 = right/bottom).", out error);
        int candidate = 0;
        if (!string.IsNullOrEmpty(Candidate) && !int.TryParse(Candidate, NumberStyles.Integer, CultureInfo.InvariantCulture, out candidate))
            return Fail("candidate must be an integer.", out error);
        if (candidate is < 0 or > ArtworksApi.MaxCandidate) return Fail($"candidate must be 0..{ArtworksApi.MaxCandidate}.", out error);
        if (!Enum.TryParse<Rendering.Upscaler>(string.IsNullOrEmpty(Upscaler) ? "detail" : Upscaler, ignoreCase: true, out var upscaler)
            || !Enum.IsDefined(upscaler) || int.TryParse(Upscaler, out _))
            return Fail("upscaler must be detail (the model's detail model; Lanczos when it has none) or lanczos.", out error);
        choice = new Choice(spec!, size, dpi, crop, candidate, upscaler);
        return true;
    }

    /// <summary>The file a print downloads as: "model-seed-12x15-300dpi.png".</summary>
    public static string FileName(ArtworkRequest artwork, string size, int dpi) =>
        string.Create(CultureInfo.InvariantCulture, $"{artwork.ModelId}-{artwork.Seed}-{size.Trim().ToLowerInvariant()}-{dpi}dpi.png");

    private static bool Fail(string message, out string? error)
    {
        error = message;
        return false;
    }
}
