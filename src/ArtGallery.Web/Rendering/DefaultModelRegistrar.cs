using ArtGallery.Data;
using ArtGallery.Web.Hosting;
using Microsoft.Extensions.Options;

namespace ArtGallery.Web.Rendering;

/// <summary>On start, registers the bundled default model as active when no model is active yet (missing file: empty gallery).</summary>
public sealed partial class DefaultModelRegistrar(
    ModelCatalog catalog, RenderQueue queue, IArtRenderer renderer, IOptions<ArtGalleryOptions> options, ILogger<DefaultModelRegistrar> logger) : IHostedService
{
    /// <summary>Where the default model is looked for.</summary>
    public static string PathFor(ArtGalleryOptions o) =>
        Path.GetFullPath(o.DefaultModelPath ?? Path.Combine(AppContext.BaseDirectory, "models", "default.agmodel"));

    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var path = PathFor(options.Value);
        if (catalog.Active is not null) return;
        if (!File.Exists(path)) { LogNoModel(logger, path); return; }
        try
        {
            var (id, resolution) = await queue.RunAsync(pool =>
            {
                var g = pool.LoadFile(path);
                return (g.ModelId, g.Resolution);
            }, cancellationToken);
            catalog.Register(new ModelRecord { Id = id, Path = path, Resolution = resolution, Source = "bundled default" }, makeActive: true);
            LogRegistered(logger, id, resolution);
            // Directions take seconds to find: start now so the explorer is ready when someone opens it.
            _ = renderer.DirectionsAsync(id, CancellationToken.None);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or ArgumentException or InvalidOperationException)
        {
            // A bad default model must not keep the app from starting: the gallery shows its empty state.
            LogBadModel(logger, ex, path);
        }
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "No default model at {Path}: the gallery is empty until a model is trained")]
    private static partial void LogNoModel(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Information, Message = "Registered the default model {ModelId} ({Resolution} px) as active")]
    private static partial void LogRegistered(ILogger logger, string modelId, int resolution);

    [LoggerMessage(Level = LogLevel.Error, Message = "The default model at {Path} could not be loaded")]
    private static partial void LogBadModel(ILogger logger, Exception ex, string path);
}
