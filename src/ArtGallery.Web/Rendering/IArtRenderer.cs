using ArtGallery.Imaging;

namespace ArtGallery.Web.Rendering;

/// <summary>What pages and endpoints ask of the engine; every call does its heavy work on a render or print worker.</summary>
public interface IArtRenderer
{
    /// <summary>The artwork as a PNG at the model's resolution (cached).</summary>
    Task<byte[]> PngAsync(ArtworkRequest request, CancellationToken cancel = default);

    /// <summary>The artwork as a <paramref name="side"/> px square PNG for display: the model's picture enlarged with Lanczos3
    /// and mild sharpening (cheap, no detail model), cached. Gallery cards and Explore show these.</summary>
    Task<byte[]> DisplayPngAsync(ArtworkRequest request, int side, int candidate = 0, CancellationToken cancel = default);

    /// <summary>The print PNG: exactly the spec's pixels, pHYs = DPI, sRGB, parameters and upscaler in tEXt. Waits in the print queue.</summary>
    Task<byte[]> PrintAsync(ArtworkRequest request, PrintSpec spec, double crop, int candidate, Upscaler upscaler = Upscaler.Detail,
        CancellationToken cancel = default, IProgress<PrintStage>? stages = null);

    /// <summary>The large view: the artwork at 4x the model's side through its detail model (Lanczos without one), cached.</summary>
    Task<byte[]> LargePngAsync(ArtworkRequest request, CancellationToken cancel = default);

    /// <summary>The centre of <paramref name="candidate"/>'s print at 100%: through the model's detail model, or the print's
    /// Lanczos path when it has none. Waits in the print queue.</summary>
    Task<DetailWindow> DetailPreviewAsync(ArtworkRequest request, PrintSpec spec, double crop, int side, int candidate = 0, CancellationToken cancel = default);

    /// <summary>The model's edit directions, computed once per model on a worker and cached on disk.</summary>
    Task<LatentDirections> DirectionsAsync(string modelId, CancellationToken cancel = default);
}

/// <summary>The centre of a print at 100% (a PNG data URL) and whether the model's detail model made it (else Lanczos).</summary>
public sealed record DetailWindow(string DataUrl, bool ThroughDetailModel);

/// <summary>Where a print render is, for the dialog's progress.</summary>
public enum PrintStage
{
    /// <summary>In line for a print slot (one print renders at a time).</summary>
    Waiting,
    /// <summary>The generator draws the picture at its own size.</summary>
    Drawing,
    /// <summary>Enlarged to the print's pixels (the detail model's passes or Lanczos): the long step.</summary>
    Enlarging,
    /// <summary>PNG encoding with DPI and parameters.</summary>
    Writing,
}
