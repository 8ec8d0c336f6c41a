using ArtGallery.Contracts;

namespace ArtGallery.Data;

public sealed partial class ArtGalleryDatabase
{
    /// <summary>Adds or replaces a run record.</summary>
    public void SaveRun(TrainingRunRecord run) => Write(() =>
    {
        run.Updated = DateTime.UtcNow;
        WithStored(run, r => r.Dataset, (r, v) => r.Dataset = v, () => Runs.Upsert(run));
    });

    /// <summary>A run by id.</summary>
    public TrainingRunRecord? FindRun(string id) => Absolute(Runs.FindById(id));

    /// <summary>Runs, newest first.</summary>
    public IReadOnlyList<TrainingRunRecord> AllRuns(int limit = 50) =>
        Runs.FindAll().OrderByDescending(r => r.Started).Take(limit).Select(r => Absolute(r)!).ToList();

    /// <summary>Marks runs left "running" (by a crash or restart) as resumable; returns how many.</summary>
    public int MarkInterruptedRunsResumable() => Write(() =>
    {
        int n = 0;
        foreach (var run in Runs.Find(r => r.Status == JobStatus.Running).Select(r => Absolute(r)!).ToList())
        {
            run.Status = JobStatus.Resumable;
            SaveRun(run);
            n++;
        }
        return n;
    });

    /// <summary>Adds or replaces a dataset record.</summary>
    public void SaveDataset(DatasetRecord dataset) => Write(() =>
    {
        if (dataset.Created == default) dataset.Created = DateTime.UtcNow;
        WithStored(dataset, d => d.Folder, (d, v) => d.Folder = v, () => Datasets.Upsert(dataset));
    });

    /// <summary>A dataset by id.</summary>
    public DatasetRecord? FindDataset(string id) => Absolute(Datasets.FindById(id));

    /// <summary>Uploaded datasets, newest first.</summary>
    public IReadOnlyList<DatasetRecord> AllDatasets() => Datasets.FindAll().OrderByDescending(d => d.Created).Select(d => Absolute(d)!).ToList();
}
