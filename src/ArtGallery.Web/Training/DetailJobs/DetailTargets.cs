using ArtGallery.Contracts;
using ArtGallery.Contracts.Worker;
using ArtGallery.Data;
using ArtGallery.Detail;
using ArtGallery.Gan.Checkpoints;
using ArtGallery.Imaging;
using ArtGallery.Web.Infrastructure;
using ArtGallery.Web.Rendering;

namespace ArtGallery.Web.Training.DetailJobs;

/// <summary>What a detail job trains: the generator's file, the data it learns from, where the model goes, and a label.</summary>
public sealed record DetailPlan(string Target, string Generator, string Dataset, string Output);

/// <summary>
/// Where detail models of runs and gallery models live (DetailModel.PathFor: detail.agdetail in a run folder,
/// name.agdetail next to an .agmodel), and how a new one reaches prints: copied next to the gallery model it serves, and the
/// cached one forgotten.
/// </summary>
public sealed class DetailTargets(ArtGalleryDatabase db, RunFolders folders, ModelCatalog catalog, DataPaths paths, DetailModels details)
{
    /// <summary>The current job's sample strips (previews, replaced by each job; not backed up).</summary>
    public string SamplesFolder => Path.Combine(paths.Root, "detail-samples");

    /// <summary>The plan of a request; a clear <see cref="ArgumentException"/> (unknown target) or <see cref="InvalidOperationException"/>
    /// (a target that cannot have one now) otherwise.</summary>
    public DetailPlan Plan(DetailTrainingRequest request)
    {
        if (request.Validate() is { } problem) throw new ArgumentException(problem);
        if (!string.IsNullOrWhiteSpace(request.RunId))
        {
            var run = db.FindRun(request.RunId) ?? throw new ArgumentException($"Unknown run '{request.RunId}'.");
            if (run.Status == JobStatus.Running) throw new InvalidOperationException($"Run {run.Id} is training; its detail model can be trained once it has stopped.");
            var folder = folders.For(run.Id).Path;
            if (CheckpointStore.List(folder).Count == 0) throw new InvalidOperationException($"Run {run.Id} has no checkpoint to train a detail model for.");
            return new DetailPlan(run.Id, folder, run.Dataset, DetailModel.PathFor(folder));
        }
        var model = catalog.Resolve(request.ModelId!) ?? throw new ArgumentException($"Unknown model '{request.ModelId}'.");
        if (string.IsNullOrEmpty(model.Path) || !File.Exists(model.Path)) throw new InvalidOperationException($"Model {model.Id} has no file to train a detail model for.");
        if (IsUnder(model.Path, AppContext.BaseDirectory))
            throw new InvalidOperationException("The bundled model ships with its own detail model; activate a run's checkpoint to train one for your own.");
        var dataset = db.FindRun(model.Source)?.Dataset ?? BuiltinAbstractDataset.SpecName;
        return new DetailPlan($"model {model.Id}", model.Path, dataset, DetailModel.PathFor(model.Path));
    }

    /// <summary>The worker's first command for <paramref name="plan"/>; the strips of the previous job are deleted (previews of
    /// the current job only).</summary>
    public WorkerCommand FirstCommand(DetailPlan plan, DetailTrainingRequest request)
    {
        if (Directory.Exists(SamplesFolder)) Directory.Delete(SamplesFolder, recursive: true);
        return WorkerCommand.TrainDetail(plan.Generator, plan.Dataset, plan.Output, SamplesFolder, request.Minutes, request.Steps, request.Threads);
    }

    /// <summary>After a job saved <paramref name="saved"/>: the gallery model it serves (if registered) gets it next to its file, and prints load it.</summary>
    public void Publish(string saved, string? generatorModelId)
    {
        if (string.IsNullOrEmpty(generatorModelId) || catalog.Resolve(generatorModelId) is not { Path.Length: > 0 } model) return;
        CopyBeside(saved, model.Path);
        details.Forget(model.Id);
    }

    /// <summary>On activation: the run's detail model, when it was made for exactly the exported generator, goes next to the new .agmodel.</summary>
    public void AdoptRunDetail(string runId, string modelId, string modelPath)
    {
        var runDetail = DetailModel.PathFor(folders.For(runId).Path);
        if (!File.Exists(runDetail)) return;
        try
        {
            using (var detail = DetailModel.Load(runDetail, TorchSharp.torch.CPU))
                if (detail.Info.GeneratorModelId != modelId) return;
            CopyBeside(runDetail, modelPath);
        }
        catch (InvalidDataException) { return; /* a damaged file is not copied; prints use Lanczos */ }
        details.Forget(modelId);
    }

    private static void CopyBeside(string detailFile, string modelPath)
    {
        var beside = DetailModel.PathFor(modelPath);
        if (Path.GetFullPath(beside) == Path.GetFullPath(detailFile)) return;
        AtomicFile.Write(beside, s =>
        {
            using var source = File.OpenRead(detailFile);
            source.CopyTo(s);
        });
    }

    private static bool IsUnder(string path, string folder) =>
        Path.GetFullPath(path).StartsWith(Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder)) + Path.DirectorySeparatorChar, StringComparison.Ordinal);
}
