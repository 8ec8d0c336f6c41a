using ArtGallery.Gan;
using ArtGallery.Gan.Sampling;

namespace ArtGallery.Web.Rendering;

/// <summary>The generators one render worker thread owns (never shared: the native backend is not trusted with concurrent use).</summary>
public sealed class GeneratorPool(ModelCatalog catalog, string device) : IDisposable
{
    private const int MaxLoaded = 2;
    private readonly List<(string Id, ArtGenerator Generator)> loaded = [];

    /// <summary>The generator of a registered model, loading it on first use (least recently used one is freed past two).</summary>
    public ArtGenerator Get(string modelId)
    {
        int i = loaded.FindIndex(x => x.Id == modelId);
        if (i >= 0)
        {
            var hit = loaded[i];
            loaded.RemoveAt(i);
            loaded.Add(hit);
            return hit.Generator;
        }
        var model = catalog.Resolve(modelId) ?? throw new KeyNotFoundException($"Unknown model '{modelId}'.");
        return Add(modelId, model.Path);
    }

    /// <summary>Loads a model file directly (used to register it).</summary>
    public ArtGenerator LoadFile(string path) => Add("file:" + path, path);

    private ArtGenerator Add(string key, string path)
    {
        var generator = ArtGenerator.Load(path, DeviceSelector.Pick(device));
        loaded.Add((key, generator));
        if (loaded.Count > MaxLoaded)
        {
            loaded[0].Generator.Dispose();
            loaded.RemoveAt(0);
        }
        return generator;
    }

    /// <summary>Frees every generator.</summary>
    public void Dispose()
    {
        foreach (var (_, g) in loaded) g.Dispose();
        loaded.Clear();
    }
}
