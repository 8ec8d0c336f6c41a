using ArtGallery.Detail;
using ArtGallery.Imaging;
using Microsoft.Extensions.Caching.Memory;
using SixLabors.ImageSharp.Processing;

namespace ArtGallery.Web.Rendering;

public sealed partial class ArtRenderer
{
    /// <inheritdoc />
    public async Task<byte[]> LargePngAsync(ArtworkRequest request, CancellationToken cancel = default)
    {
        // A newly trained detail model changes the version, so the large view is rendered again through it.
        string key = $"{request.Key}/large/{details?.Version(request.ModelId) ?? 0}";
        if (cache.TryGetValue(key, out byte[]? hit) && hit is not null) return hit;
        var dirs = await EditsDirections(request, cancel);
        return await largeViews.RunAsync(async () =>
        {
            // The same view asked for by several visitors: the ones that waited in line find it made.
            if (cache.TryGetValue(key, out byte[]? made) && made is not null) return made;
            // The generator's pass is milliseconds on the render worker; the detail pass (about a second) runs on a pool
            // thread, so gallery renders keep flowing past it.
            var (chw, res) = await queue.RunAsync(pool => RenderChw(pool, request, dirs, 0), cancel);
            var png = await Task.Run(() => LargePng(request, chw, res), cancel);
            cache.Set(key, png, new MemoryCacheEntryOptions { Size = png.Length });
            return png;
        }, cancel);
    }

    private byte[] LargePng(ArtworkRequest request, float[] chw, int res)
    {
        using var small = PlanarRgb.ToImage(chw, res, res);
        var detail = details?.For(request.ModelId);
        int side = res * Detail.Network.DetailNet.Scale;
        using var large = detail is null
            ? small.Clone(x => x.Resize(side, side, KnownResamplers.Lanczos3))
            : DetailCascade.Render(detail, small, side, side);
        var text = Parameters(request, 0);
        foreach (var (k, v) in DetailCascade.Text(detail)) text[k] = v;
        return PngExport.Encode(large, null, text);
    }

    /// <inheritdoc />
    public async Task<DetailWindow> DetailPreviewAsync(ArtworkRequest request, PrintSpec spec, double crop, int side, int candidate = 0, CancellationToken cancel = default)
    {
        var dirs = await EditsDirections(request, cancel);
        return await prints.RunAsync(async () =>
        {
            var (chw, res) = await queue.RunAsync(pool => RenderChw(pool, request, dirs, candidate), cancel);
            return await Task.Run(() =>
            {
                using var small = PlanarRgb.ToImage(chw, res, res);
                side = Math.Clamp(side, 16, 1024);
                var detail = details?.For(request.ModelId);
                if (detail is not null)
                {
                    using var window = DetailCascade.RenderWindow(detail, small, spec.PixelWidth, spec.PixelHeight, crop, side);
                    return new DetailWindow(DataUrl(window), true);
                }
                // No detail model: the print's own Lanczos path, then its centre (seconds, in the print queue).
                try
                {
                    using var whole = PrintRenderer.Render(small, spec, crop);
                    int w = Math.Min(side, whole.Width), h = Math.Min(side, whole.Height);
                    using var centre = whole.Clone(x => x.Crop(new SixLabors.ImageSharp.Rectangle((whole.Width - w) / 2, (whole.Height - h) / 2, w, h)));
                    return new DetailWindow(DataUrl(centre), false);
                }
                finally { ReleaseNativeMemory(); }
            }, cancel);
        }, cancel);
    }
}
