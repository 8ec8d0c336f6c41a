using ArtGallery.Imaging;
using ArtGallery.Data;
using ArtGallery.Gan.Sampling;
using ArtGallery.Web.Infrastructure;

namespace ArtGallery.Web.Rendering;

/// <summary>Turns a run checkpoint into a small .agmodel under models/ (with the run's detail model when it was trained for
/// exactly that checkpoint) and makes it the gallery's active model.</summary>
public sealed class ModelActivator(RenderQueue queue, ModelCatalog catalog, DataPaths paths, IArtRenderer renderer, Training.DetailJobs.DetailTargets detailTargets)
{
    /// <summary>Exports and activates; returns the model id. Runs on a render worker (reads and loads the model).</summary>
    public async Task<string> ActivateAsync(string runId, string checkpointPath, CancellationToken cancel = default)
    {
        var (id, resolution, path) = await queue.RunAsync(pool =>
        {
            var tmp = AtomicFile.NewTempPathIn(paths.Models, "export");
            try
            {
                var modelId = ArtGenerator.Export(checkpointPath, tmp);
                var final = Path.Combine(paths.Models, modelId + ".agmodel");
                File.Move(tmp, final, overwrite: true);
                detailTargets.AdoptRunDetail(runId, modelId, final);
                return (modelId, pool.LoadFile(final).Resolution, final);
            }
            finally
            {
                File.Delete(tmp);
            }
        }, cancel);
        catalog.Register(new ModelRecord { Id = id, Path = path, Resolution = resolution, Source = runId }, makeActive: true);
        // Warm the edit directions so the explorer is ready when someone opens it.
        _ = renderer.DirectionsAsync(id, CancellationToken.None);
        return id;
    }
}
