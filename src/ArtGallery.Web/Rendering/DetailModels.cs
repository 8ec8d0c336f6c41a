using System.Collections.Concurrent;
using ArtGallery.Detail;
using ArtGallery.Web.Infrastructure;
using Microsoft.Extensions.Options;

namespace ArtGallery.Web.Rendering;

/// <summary>How a print or large view is taken up from the generator's size.</summary>
public enum Upscaler
{
    /// <summary>The model's detail model (x4 passes); Lanczos when the model has none.</summary>
    Detail,
    /// <summary>Lanczos3 + mild sharpening (the original path).</summary>
    Lanczos,
}

/// <summary>
/// The detail model of each generator: <c>name.agdetail</c> next to its .agmodel (or detail.agdetail in its run folder),
/// loaded once on the configured device. A missing, damaged or mismatched file means Lanczos, with a warning in the log
/// (remembered until <see cref="Forget"/>: a bad file is not re-read per print).
/// </summary>
public sealed partial class DetailModels(ModelCatalog catalog, IOptions<ArtGalleryOptions> options, ILogger<DetailModels> logger) : IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<DetailModel?>> loaded = new();
    private readonly ConcurrentDictionary<string, int> versions = new();

    /// <summary>The detail model serving <paramref name="modelId"/>, or null (use Lanczos).</summary>
    public DetailModel? For(string modelId) => loaded.GetOrAdd(modelId, id => new Lazy<DetailModel?>(() => Load(id))).Value;

    /// <summary>True when a detail model file sits next to the model (cheap: no load; a damaged file still prints with Lanczos).</summary>
    public bool Has(string modelId) =>
        catalog.Resolve(modelId) is { Path.Length: > 0 } record && File.Exists(DetailModel.PathFor(record.Path));

    /// <summary>Forgets what was loaded for <paramref name="modelId"/> (a new detail model was just saved): the next print loads it.
    /// The old instance is not disposed here: a print may still be running through it (it is small, and the GC frees it).</summary>
    public void Forget(string modelId)
    {
        versions.AddOrUpdate(modelId, 1, (_, v) => v + 1);
        loaded.TryRemove(modelId, out _);
    }

    /// <summary>Changes whenever <see cref="Forget"/> is called for the model (part of cache keys of renders made through it).</summary>
    public int Version(string modelId) => versions.GetValueOrDefault(modelId);

    private DetailModel? Load(string modelId)
    {
        if (catalog.Resolve(modelId) is not { } record || string.IsNullOrEmpty(record.Path)) return null;
        var path = DetailModel.PathFor(record.Path);
        if (!File.Exists(path)) return null;
        try
        {
            var model = DetailModel.Load(path, Gan.DeviceSelector.Pick(options.Value.Device));
            try
            {
                model.EnsureServes(record.Resolution);
            }
            catch
            {
                model.Dispose();
                throw;
            }
            LogLoaded(logger, model.Id, modelId);
            return model;
        }
        catch (Exception ex)
        {
            // Whatever went wrong (a damaged or hostile file, a failed allocation), prints and large views fall back to
            // Lanczos. Never rethrown: the Lazy would cache the exception and turn every print of the model into a 500.
            LogUnusable(logger, ex, path, modelId, ex.Message);
            return null;
        }
    }

    /// <summary>Frees the loaded models.</summary>
    public void Dispose()
    {
        foreach (var lazy in loaded.Values)
            if (lazy.IsValueCreated) lazy.Value?.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Detail model {DetailId} serves model {ModelId}")]
    private static partial void LogLoaded(ILogger logger, string detailId, string modelId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Detail model {Path} cannot serve model {ModelId}; prints and large views use Lanczos: {Reason}")]
    private static partial void LogUnusable(ILogger logger, Exception ex, string path, string modelId, string reason);
}
