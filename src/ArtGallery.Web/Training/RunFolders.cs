using ArtGallery.Gan.Training;
using ArtGallery.Web.Infrastructure;

namespace ArtGallery.Web.Training;

/// <summary>Where a run id's folder is under the data folder; its layout inside is the engine's <see cref="RunFolder"/>.</summary>
public sealed class RunFolders(DataPaths paths)
{
    /// <summary>The folder of a run id (only the file-name part of the id is used, so no id reaches outside runs/).</summary>
    public RunFolder For(string runId) => new(Path.Combine(paths.Runs, Path.GetFileName(runId)));
}
