using ArtGallery.Imaging;

namespace ArtGallery.Web.Rendering;

/// <summary>What pages and endpoints ask of the engine; every call does its heavy work on a render or print worker.</summary>
public interface IArtRenderer
{
    /// <summary>The artwork as a PNG at the model's resolution (cached).</summary>
    Task<byte[]> PngAsync(ArtworkRequest request, CancellationToken cancel = default);

    /// <summary>The print PNG: exactly the spec's pixels, pHYs = DPI, sRGB, parameters and upscaler in tEXt. Waits in the print queue.</summary>
    Task<byte[]> PrintAsync(ArtworkRequest request, PrintSpec spec, double crop, int candidate, Upscaler upscaler = Upscaler.Detail, CancellationToken cancel = default);

    /// <summary>The large view: the artwork at 4x the model's side through its detail model (Lanczos without one), cached.</summary>
    Task<byte[]> LargePngAsync(ArtworkRequest request, CancellationToken cancel = default);

    /// <summary>The centre of the print at 100% through the detail model (a data URL), or null when the model has none. Waits in the print queue.</summary>
    Task<string?> DetailPreviewAsync(ArtworkRequest request, PrintSpec spec, double crop, int side, CancellationToken cancel = default);

    /// <summary>Small previews (data URLs) of print candidates 0..count-1, cropped to the print's aspect.</summary>
    Task<IReadOnlyList<string>> PrintCandidatesAsync(ArtworkRequest request, PrintSpec spec, double crop, int count, CancellationToken cancel = default);

    /// <summary>Frames (data URLs) of a slerp from <paramref name="from"/> to <paramref name="to"/> (same model).</summary>
    Task<IReadOnlyList<string>> InterpolateAsync(ArtworkRequest from, ArtworkRequest to, int frames, CancellationToken cancel = default);

    /// <summary>The model's edit directions, computed once per model on a worker and cached on disk.</summary>
    Task<LatentDirections> DirectionsAsync(string modelId, CancellationToken cancel = default);
}
