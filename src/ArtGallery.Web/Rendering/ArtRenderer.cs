using System.Collections.Concurrent;
using System.Globalization;
using ArtGallery.Detail;
using ArtGallery.Gan.Sampling;
using ArtGallery.Imaging;
using ArtGallery.Web.Infrastructure;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace ArtGallery.Web.Rendering;

/// <summary>The engine behind pages and endpoints: renders on the <see cref="RenderQueue"/>, prints in the <see cref="PrintQueue"/>,
/// large views in the <see cref="LargeViewQueue"/>; upscaling runs on pool threads, never on the render worker.</summary>
public sealed partial class ArtRenderer(RenderQueue queue, PrintQueue prints, DataPaths paths, IOptions<ArtGalleryOptions> options,
    DetailModels? details = null, LargeViewQueue? largeViews = null)
    : IArtRenderer, IDisposable
{
    private readonly LargeViewQueue largeViews = largeViews ?? new LargeViewQueue(options);
    private static readonly TimeSpan FailureMemory = TimeSpan.FromMinutes(1);
    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = options.Value.RenderCacheMegabytes * 1024L * 1024, TrackStatistics = true });
    private readonly ConcurrentDictionary<string, Lazy<Task<LatentDirections>>> directions = new();

    /// <summary>PNG bytes and entries in the render cache now (soak diagnostics: the managed heap grows with it until the cap).</summary>
    public (long Bytes, long Entries) CacheSize =>
        cache.GetCurrentStatistics() is { } stats ? (stats.CurrentEstimatedSize ?? 0, stats.CurrentEntryCount) : (0, 0);

    /// <inheritdoc />
    public async Task<byte[]> PngAsync(ArtworkRequest request, CancellationToken cancel = default)
    {
        if (cache.TryGetValue(request.Key, out byte[]? hit) && hit is not null) return hit;
        var dirs = await EditsDirections(request, cancel);
        var png = await queue.RunAsync(pool =>
        {
            var (chw, res) = RenderChw(pool, request, dirs, 0);
            using var image = PlanarRgb.ToImage(chw, res, res);
            return PngExport.Encode(image, null, Parameters(request, 0));
        }, cancel);
        cache.Set(request.Key, png, new MemoryCacheEntryOptions { Size = png.Length });
        return png;
    }

    /// <inheritdoc />
    public async Task<byte[]> PrintAsync(ArtworkRequest request, PrintSpec spec, double crop, int candidate, Upscaler upscaler = Upscaler.Detail,
        CancellationToken cancel = default, IProgress<PrintStage>? stages = null)
    {
        stages?.Report(PrintStage.Waiting);
        var dirs = await EditsDirections(request, cancel);
        return await prints.RunAsync(async () =>
        {
            stages?.Report(PrintStage.Drawing);
            var (chw, res) = await queue.RunAsync(pool => RenderChw(pool, request, dirs, candidate), cancel);
            // Upscaling and encoding are ImageSharp work: off the render worker so small renders keep flowing.
            return await Task.Run(() =>
            {
                try { return Print(chw, res); }
                // A print's hundreds of MB (tiles, the full-size image) stay in glibc's arenas and ImageSharp's pool
                // otherwise: the soak's web RSS jumped 350 -> 760 MB at its first print and stayed (BENCHMARKS.md).
                finally { ReleaseNativeMemory(); }
            }, cancel);
        }, cancel);

        byte[] Print(float[] chw, int res)
        {
            using var small = PlanarRgb.ToImage(chw, res, res);
            var detail = upscaler == Upscaler.Detail ? details?.For(request.ModelId) : null;
            stages?.Report(PrintStage.Enlarging);
            using var print = detail is null ? PrintRenderer.Render(small, spec, crop) : DetailCascade.Render(detail, small, spec, crop);
            stages?.Report(PrintStage.Writing);
            var text = Parameters(request, candidate);
            foreach (var (key, value) in DetailCascade.Text(detail)) text[key] = value;
            text["Size"] = string.Create(CultureInfo.InvariantCulture, $"{spec.WidthInches:0.##}x{spec.HeightInches:0.##} in");
            text["DPI"] = spec.Dpi.ToString(CultureInfo.InvariantCulture);
            text["Crop"] = crop.ToString("0.##", CultureInfo.InvariantCulture);
            return PngExport.Encode(print, spec.Dpi, text);
        }
    }

    private static void ReleaseNativeMemory()
    {
        SixLabors.ImageSharp.Configuration.Default.MemoryAllocator.ReleaseRetainedResources();
        Gan.NativeHeap.Trim();
    }

    /// <inheritdoc />
    public Task<LatentDirections> DirectionsAsync(string modelId, CancellationToken cancel = default) =>
        directions.GetOrAdd(modelId, id => new Lazy<Task<LatentDirections>>(() => LoadOrCompute(id))).Value.WaitAsync(cancel);

    private async Task<LatentDirections> LoadOrCompute(string modelId)
    {
        var file = Path.Combine(paths.Models, modelId + ".directions.json");
        if (LatentDirections.TryRead(file) is { } cached && cached.ModelId == modelId) return cached;
        try
        {
            var found = await queue.RunIsolatedAsync(pool => LatentDirections.Compute(pool.Get(modelId), options.Value.DirectionSamples));
            found.Write(file);
            return found;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Remembered for a minute, so requests for a broken model do not each rerun seconds of PCA; then retried.
            _ = Task.Delay(FailureMemory).ContinueWith(_ => directions.TryRemove(modelId, out var _), TaskScheduler.Default);
            throw new DirectionsUnavailableException(modelId, ex);
        }
    }

    private async Task<LatentDirections?> EditsDirections(ArtworkRequest request, CancellationToken cancel) =>
        request.Edits.IsEmpty ? null : await DirectionsAsync(request.ModelId, cancel);

    private static (float[] Chw, int Resolution) RenderChw(GeneratorPool pool, ArtworkRequest r, LatentDirections? dirs, int candidate)
    {
        var g = pool.Get(r.ModelId);
        var z = LatentOf(g, r);
        // Candidates are the artwork nudged a little towards neighbouring latents: same picture, different details.
        if (candidate > 0) z = LatentMath.Slerp(z, Latent(g, r.Seed * 7919 + candidate + ArtworkRequest.MaxSeed, r.Condition), 0.12);
        return (g.Render(z, r.Truncation, dirs?.OffsetFor(r.Edits, g.CodeSize), r.Condition?.Colours), g.Resolution);
    }

    // The seed's latent, or for an interpolation frame the slerp towards the other seed's; both ends under the same condition.
    private static float[] LatentOf(ArtGallery.Gan.Sampling.ArtGenerator g, ArtworkRequest r) =>
        r.Mix is { } mix ? LatentMath.Slerp(Latent(g, r.Seed, r.Condition), Latent(g, mix.ToSeed, r.Condition), mix.T) : Latent(g, r.Seed, r.Condition);

    private static float[] Latent(ArtGallery.Gan.Sampling.ArtGenerator g, long seed, ArtworkCondition? c) =>
        g.LatentFor(seed, c?.Like);

    private static Dictionary<string, string> Parameters(ArtworkRequest r, int candidate) => new()
    {
        ["Mix"] = r.Mix?.Canonical ?? "",
        ["Software"] = "ArtGallery",
        ["Model"] = r.ModelId,
        ["Seed"] = r.Seed.ToString(CultureInfo.InvariantCulture),
        ["Truncation"] = r.Truncation.ToString("0.##", CultureInfo.InvariantCulture),
        ["Edits"] = r.Edits.Canonical,
        ["Candidate"] = candidate.ToString(CultureInfo.InvariantCulture),
        ["Like"] = r.Condition?.Like?.ToString(CultureInfo.InvariantCulture) ?? "",
        ["Palette"] = r.Condition?.Palette ?? "",
    };

    private static string DataUrl(Image<Rgb24> image) => "data:image/png;base64," + Convert.ToBase64String(PngExport.Encode(image));

    /// <summary>Frees the cache.</summary>
    public void Dispose() => cache.Dispose();
}
