using System.Collections.Concurrent;
using ArtGallery.Gan.Conditioning;
using ArtGallery.Imaging;
using ArtGallery.Metrics;

namespace ArtGallery.Web.Rendering;

/// <summary>One picture of a conditioned model's collection: its index and dominant colours (canonical "RRGGBB" hex).</summary>
public sealed record CollectionPicture(int Index, IReadOnlyList<string> Palette)
{
    /// <summary>The colours as a <c>palette=</c> value ("1B3A5C-F2C14E-E4572E").</summary>
    public string PaletteQuery => string.Join('-', Palette);
}

/// <summary>
/// What each model's collection is (issue 21): its size (null for a model trained without conditions), read once per
/// model on a render worker, and its pictures' palettes, extracted once off the render worker with the evaluator's own
/// <see cref="PaletteCount.Palette"/>. Pages and endpoints check <c>like</c>/<c>palette</c> against it before anything renders.
/// </summary>
public sealed class ModelCollections(RenderQueue queue)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<int?>>> counts = new();
    private readonly ConcurrentDictionary<string, Lazy<Task<IReadOnlyList<CollectionPicture>>>> pictures = new();

    /// <summary>Pictures in the model's collection; null when it was trained without conditions.</summary>
    public Task<int?> CountAsync(string modelId, CancellationToken cancel = default) =>
        Remembered(counts, modelId, () => queue.RunAsync(pool => pool.Get(modelId).Collection?.Count)).WaitAsync(cancel);

    /// <summary>A message naming the parameter when <paramref name="condition"/> cannot be drawn by the model; null when it can.</summary>
    public async Task<string?> ProblemWithAsync(string modelId, ArtworkCondition? condition, CancellationToken cancel = default) =>
        condition is null ? null : condition.ProblemWith(await CountAsync(modelId, cancel));

    /// <summary>The collection's pictures with their palettes; empty for a model trained without conditions.</summary>
    public Task<IReadOnlyList<CollectionPicture>> PicturesAsync(string modelId, CancellationToken cancel = default) =>
        Remembered(pictures, modelId, () => Extract(modelId)).WaitAsync(cancel);

    /// <summary>The collection picture an artwork draws around: its <c>like</c>, else the one its seed picks; null without a collection.</summary>
    public Task<int?> PictureForAsync(ArtworkRequest artwork, CancellationToken cancel = default) =>
        artwork.Condition?.Like is { } like ? Task.FromResult<int?>(like)
            : queue.RunAsync(pool => pool.Get(artwork.ModelId).Collection?.IndexFor(artwork.Seed), cancel);

    /// <summary>Thumbnail <paramref name="index"/> as a PNG (the model's own 32 px copy); null when there is no such picture.</summary>
    public async Task<byte[]?> ThumbnailPngAsync(string modelId, int index, CancellationToken cancel = default)
    {
        var chw = await queue.RunAsync(pool => pool.Get(modelId).Collection is { } c && index >= 0 && index < c.Count ? c.Thumbnail(index) : null, cancel);
        if (chw is null) return null;
        int side = ConditionSet.ThumbnailSide;
        using var image = PlanarRgb.ToImage(ToSignedRange(chw), side, side);
        return PngExport.Encode(image);
    }

    private async Task<IReadOnlyList<CollectionPicture>> Extract(string modelId)
    {
        // Copying the thumbnails out is the only torch work; k-means runs on the thread pool so renders keep flowing.
        var thumbnails = await queue.RunAsync(pool => pool.Get(modelId).Collection is { } c
            ? Enumerable.Range(0, c.Count).Select(c.Thumbnail).ToArray() : []);
        return await Task.Run(() => (IReadOnlyList<CollectionPicture>)[.. thumbnails.Select((t, i) => new CollectionPicture(i, PaletteOf(t)))]);
    }

    private static string[] PaletteOf(byte[] thumbnail)
    {
        var colours = PaletteCount.Palette(ToSignedRange(thumbnail), ConditionSet.ThumbnailSide)
            .Select(c => (R: c[0], G: c[1], B: c[2]))
            .Distinct()
            .OrderBy(c => 0.299 * c.R + 0.587 * c.G + 0.114 * c.B) // dark to light: swatches read the same way everywhere
            .ToList();
        // A flat picture has one colour; a palette needs two, so it is shown twice.
        if (colours.Count == 1) colours.Add(colours[0]);
        return PaletteText.Format(colours).Split('-');
    }

    // Thumbnails are bytes; the extractor and PlanarRgb take the GAN's [-1, 1].
    private static float[] ToSignedRange(byte[] chw) => [.. chw.Select(b => b / 127.5f - 1)];

    // Computed once per model; a failure (a damaged model file) is forgotten so the next request retries.
    private static Task<T> Remembered<T>(ConcurrentDictionary<string, Lazy<Task<T>>> memo, string modelId, Func<Task<T>> compute)
    {
        var task = memo.GetOrAdd(modelId, _ => new Lazy<Task<T>>(compute)).Value;
        task.ContinueWith(_ => memo.TryRemove(modelId, out var _), CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        return task;
    }
}
