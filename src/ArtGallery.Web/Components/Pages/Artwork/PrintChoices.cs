using System.Globalization;
using ArtGallery.Imaging;
using ArtGallery.Web.Rendering;
using MudBlazor;

namespace ArtGallery.Web.Components.Pages.Artwork;

/// <summary>What the print dialog's person has chosen so far; the dialog's logic, kept apart from its markup. Candidates are
/// square pictures cropped to the print's shape on screen, so changing size, orientation or crop keeps them.</summary>
public sealed class PrintChoices(ArtworkRequest request)
{
    /// <summary>Print sizes offered (inches).</summary>
    public static readonly string[] Sizes = ["8x10", "11x14", "12x15", "16x20", "18x24", "24x36"];

    /// <summary>Orientations offered.</summary>
    public static readonly string[] Orientations = ["portrait", "landscape"];

    /// <summary>Candidates offered: 0 is the artwork as shown, 1..3 the same artwork drawn again from nearby points.</summary>
    public const int CandidateCount = 4;

    /// <summary>Side of the candidate pictures requested for the dialog.</summary>
    public const int PictureSide = 512;

    /// <summary>Picture pixels per print inch below which the print will look blurry (a warning), and below which soft (a note).</summary>
    public const double BlurryBelow = 8, SoftBelow = 16;

    /// <summary>The artwork.</summary>
    public ArtworkRequest Request { get; } = request;

    /// <summary>Print size ("12x15").</summary>
    public string Size { get; set; } = "12x15";

    /// <summary>"portrait" or "landscape".</summary>
    public string Orientation { get; set; } = "portrait";

    /// <summary>Dots per inch of the file.</summary>
    public int Dpi { get; set; } = 300;

    private double crop = 0.5;

    /// <summary>Where the square artwork is cropped to the print's aspect, 0..1 (0 = left/top).</summary>
    public double Crop { get => crop; set => crop = Math.Clamp(value, 0, 1); }

    /// <summary>True once the person asked to see the other candidates.</summary>
    public bool CandidatesShown { get; set; }

    /// <summary>The picked candidate (0: the artwork as shown).</summary>
    public int Picked { get; set; }

    /// <summary>The spec of the current choices, or the reason there is none.</summary>
    public PrintSpec? Spec(out string? error) => PrintSpec.TryCreate(Size, Orientation, Dpi, out var spec, out error) ? spec : null;

    /// <summary>"3600 x 4500 px at 300 DPI", or why the choice is invalid.</summary>
    public string PixelText => Spec(out var e) is { } s ? $"{s.PixelWidth} x {s.PixelHeight} px at {Dpi} DPI" : e!;

    /// <summary>The picture of candidate <paramref name="k"/>, square (the page crops it to the print's shape).</summary>
    public string PictureUrl(int k) => Request.DisplayUrl(PictureSide, k);

    /// <summary>The print endpoint for the picked candidate (works without script; the dialog downloads with progress instead).</summary>
    public string DownloadUrl => Query.Url(Request.ModelId, Request.Seed);

    /// <summary>The print endpoint's query for the current choices (the endpoint reads the same record).</summary>
    public Api.PrintQuery Query => Api.PrintQuery.For(Request, Size, Orientation, Dpi, crop, Picked);

    /// <summary>The file name the print downloads as.</summary>
    public string FileName => Api.PrintQuery.FileName(Request, Size, Dpi);

    /// <summary>CSS that shows a square picture cropped as the print crops it: the print's aspect, the crop along the cut axis.</summary>
    public string CropStyle(PrintSpec spec)
    {
        string position = spec.WidthInches < spec.HeightInches ? $"{crop * 100:0.#}% 50%" : spec.WidthInches > spec.HeightInches ? $"50% {crop * 100:0.#}%" : "50% 50%";
        return string.Create(CultureInfo.InvariantCulture, $"aspect-ratio:{spec.WidthInches:0.##}/{spec.HeightInches:0.##};object-position:{position}");
    }

    /// <summary>The picture's own pixels per inch of print: the model's side (4x through a detail model) over the print's long side.</summary>
    public static double PicturePixelsPerInch(PrintSpec spec, int modelResolution, bool hasDetailModel) =>
        modelResolution * (hasDetailModel ? Detail.Network.DetailNet.Scale : 1) / Math.Max(spec.WidthInches, spec.HeightInches);

    /// <summary>A plain-words note when the print will look blurry or soft at this size; null when it holds up.</summary>
    public static (Severity Severity, string Text)? Sharpness(PrintSpec spec, int modelResolution, bool hasDetailModel)
    {
        double ppi = PicturePixelsPerInch(spec, modelResolution, hasDetailModel);
        string size = string.Create(CultureInfo.InvariantCulture, $"{spec.WidthInches:0.#} x {spec.HeightInches:0.#} in");
        string source = hasDetailModel ? $"{modelResolution} px pictures, enlarged 4x by its detail model" : $"{modelResolution} px pictures and no detail model";
        string perInch = string.Create(CultureInfo.InvariantCulture, $"{ppi:0.#}");
        if (ppi < BlurryBelow)
            return (Severity.Warning, $"This print will look blurry: the model draws {source}, so a {size} print has only about {perInch} picture pixels per inch " +
                $"(the file is still {spec.Dpi} DPI, but the extra pixels are interpolated). Choose a smaller size, or a model trained at a higher resolution.");
        if (ppi < SoftBelow)
            return (Severity.Info, $"Soft up close: the model draws {source}, about {perInch} picture pixels per inch at {size}. It looks painterly from a step or two away; " +
                "a smaller size is sharper.");
        return null;
    }
}
