using ArtGallery.Data;
using ArtGallery.Web.Infrastructure;
using Microsoft.Extensions.Options;

namespace ArtGallery.Web.Rendering;

/// <summary>
/// The bundled default model: registered as active on start when no model is active yet (missing file: empty gallery),
/// and made active again on request (<c>POST /api/models/default/activate</c>, the admin page's "Restore the bundled default").
/// </summary>
public sealed partial class DefaultModelRegistrar(
    ModelCatalog catalog, RenderQueue queue, IArtRenderer renderer, IOptions<ArtGalleryOptions> options, ILogger<DefaultModelRegistrar> logger) : IHostedService
{
    /// <summary>The name that stands for the bundled default model in <c>/api/models/{id}/activate</c>.</summary>
    public const string Alias = "default";

    /// <summary>The source recorded for the bundled default model.</summary>
    public const string Source = "bundled default";

    /// <summary>Where the default model is looked for.</summary>
    public static string PathFor(ArtGalleryOptions o) =>
        Path.GetFullPath(o.DefaultModelPath ?? Path.Combine(AppContext.BaseDirectory, "models", "default.agmodel"));

    /// <summary>Where this app's bundled model is.</summary>
    public string BundledPath => PathFor(options.Value);

    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var path = PathFor(options.Value);
        if (!File.Exists(path))
        {
            if (catalog.Active is null) LogNoModel(logger, path);
            return;
        }
        try
        {
            // Always learn the file's id: an upgrade may have replaced the bundled model under a catalog entry of the old one.
            var id = await RegisterAsync(makeActive: catalog.Active is null, cancellationToken);
            LogRegistered(logger, id);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or ArgumentException or InvalidOperationException)
        {
            // A bad default model must not keep the app from starting: the gallery shows its empty state.
            LogBadModel(logger, ex, path);
        }
    }

    /// <summary>Registers the bundled model (loading it on a render worker to learn its id) and optionally makes it active;
    /// returns its id. When the catalog knows the file under another id, the file was replaced (an upgrade): that entry is
    /// dropped, since its id no longer has a file, and the new model takes its place (active if the old one was).
    /// Throws <see cref="FileNotFoundException"/> when the file is missing.</summary>
    public async Task<string> RegisterAsync(bool makeActive, CancellationToken cancel = default)
    {
        var path = PathFor(options.Value);
        if (!File.Exists(path)) throw new FileNotFoundException("The bundled default model is not installed next to the app.", path);
        var (id, resolution) = await queue.RunAsync(pool =>
        {
            var g = pool.LoadFile(path);
            return (g.ModelId, g.Resolution);
        }, cancel);
        var recorded = catalog.All().FirstOrDefault(m => string.Equals(m.Path, path, StringComparison.Ordinal));
        if (recorded?.Id == id)
        {
            if (makeActive) catalog.Activate(id);
            return id;
        }
        if (recorded is not null)
        {
            LogReplaced(logger, recorded.Id, id);
            makeActive |= recorded.Active;
            catalog.Remove(recorded.Id);
        }
        catalog.Register(new ModelRecord { Id = id, Path = path, Resolution = resolution, Source = Source }, makeActive);
        // Directions take seconds to find: start now so the explorer is ready when someone opens it.
        _ = renderer.DirectionsAsync(id, CancellationToken.None);
        return id;
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "No default model at {Path}: the gallery is empty until a model is trained")]
    private static partial void LogNoModel(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Information, Message = "Registered the default model {ModelId} as active")]
    private static partial void LogRegistered(ILogger logger, string modelId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The bundled default model file now holds {NewId}, not {OldId}: {OldId} is no longer listed")]
    private static partial void LogReplaced(ILogger logger, string oldId, string newId);

    [LoggerMessage(Level = LogLevel.Error, Message = "The default model at {Path} could not be loaded")]
    private static partial void LogBadModel(ILogger logger, Exception ex, string path);
}
