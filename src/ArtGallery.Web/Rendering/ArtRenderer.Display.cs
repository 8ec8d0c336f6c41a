using ArtGallery.Imaging;
using Microsoft.Extensions.Caching.Memory;

namespace ArtGallery.Web.Rendering;

public sealed partial class ArtRenderer
{
    /// <inheritdoc />
    public async Task<byte[]> DisplayPngAsync(ArtworkRequest request, int side, int candidate = 0, CancellationToken cancel = default)
    {
        string key = $"{request.Key}/display/{side}/{candidate}";
        if (cache.TryGetValue(key, out byte[]? hit) && hit is not null) return hit;
        var dirs = await EditsDirections(request, cancel);
        var png = await queue.RunAsync(pool =>
        {
            var (chw, res) = RenderChw(pool, request, dirs, candidate);
            using var small = PlanarRgb.ToImage(chw, res, res);
            // The print path's Lanczos3 + mild sharpening, at a square "print" of side x side: milliseconds, no detail model.
            using var shown = PrintRenderer.Render(small, PrintSpec.Create("1x1", PrintOrientation.Portrait, side));
            return PngExport.Encode(shown, null, Parameters(request, candidate));
        }, cancel);
        cache.Set(key, png, new MemoryCacheEntryOptions { Size = png.Length });
        return png;
    }
}
