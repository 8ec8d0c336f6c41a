using System.Globalization;
using ArtGallery.Imaging;
using ArtGallery.Web.Rendering;

namespace ArtGallery.Web.Components.Pages.Artwork;

/// <summary>What the print dialog's person has chosen so far; the dialog's logic, kept apart from its markup.</summary>
public sealed class PrintChoices(ArtworkRequest request)
{
    /// <summary>Print sizes offered (inches).</summary>
    public static readonly string[] Sizes = ["8x10", "11x14", "12x15", "16x20", "18x24", "24x36"];

    /// <summary>Orientations offered.</summary>
    public static readonly string[] Orientations = ["portrait", "landscape"];

    private string size = "12x15", orientation = "portrait";
    private int dpi = 300;
    private double crop = 0.5;

    /// <summary>The artwork.</summary>
    public ArtworkRequest Request { get; } = request;

    /// <summary>Print size ("12x15"); changing it drops candidates rendered for the old shape.</summary>
    public string Size { get => size; set { if (value != size) { size = value; Invalidate(); } } }

    /// <summary>"portrait" or "landscape".</summary>
    public string Orientation { get => orientation; set { if (value != orientation) { orientation = value; Invalidate(); } } }

    /// <summary>Dots per inch (candidates do not depend on it).</summary>
    public int Dpi { get => dpi; set => dpi = value; }

    /// <summary>Where the square artwork is cropped to the print's aspect, 0..1.</summary>
    public double Crop { get => crop; set { var v = Math.Clamp(value, 0, 1); if (v != crop) { crop = v; Invalidate(); } } }

    /// <summary>Rendered candidate previews (data URLs).</summary>
    public IReadOnlyList<string> Candidates { get; private set; } = [];

    /// <summary>The picked candidate, if any.</summary>
    public int? Picked { get; set; }

    /// <summary>The spec of the current choices, or the reason there is none.</summary>
    public PrintSpec? Spec(out string? error) => PrintSpec.TryCreate(size, orientation, dpi, out var spec, out error) ? spec : null;

    /// <summary>"3600 x 4500 px at 300 DPI", or why the choice is invalid.</summary>
    public string PixelText => Spec(out var e) is { } s ? $"{s.PixelWidth} x {s.PixelHeight} px at {dpi} DPI" : e!;

    /// <summary>The print endpoint for the picked candidate.</summary>
    public string DownloadUrl => string.Create(CultureInfo.InvariantCulture,
        $"/api/artworks/{Request.ModelId}/{Request.Seed}/print?size={size}&dpi={dpi}&orientation={orientation}&crop={crop:0.##}&trunc={Request.Truncation:0.##}&edits={Uri.EscapeDataString(Request.Edits.Canonical)}&candidate={Picked ?? 0}");

    /// <summary>The rendered candidates for the current size, orientation and crop.</summary>
    public void SetCandidates(IReadOnlyList<string> candidates) => (Candidates, Picked) = (candidates, null);

    private void Invalidate() => (Candidates, Picked) = ([], null);
}
