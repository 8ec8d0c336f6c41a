using System.Diagnostics;
using ArtGallery.Contracts;
using ArtGallery.Gan.Checkpoints;
using ArtGallery.Gan.Sampling;
using ArtGallery.Imaging;

namespace ArtGallery.Gan.Training;

/// <summary>Runs a training job in a run folder: steps, progress, checkpoints, sample grids, collapse alarm.</summary>
public sealed class Trainer : IDisposable
{
    private readonly GanSession session;
    private readonly SampleGridWriter grids;
    private readonly CollapseProbe probe;
    private double? diversity;
    private bool collapse;

    /// <summary>The session it trains (tests reach its networks).</summary>
    internal GanSession Session => session;

    private Trainer(GanSession session, IImageDataset dataset, string runDir)
    {
        this.session = session;
        RunDirectory = runDir;
        Folder = new RunFolder(runDir);
        var o = session.Options;
        grids = new SampleGridWriter(o.Seed, session.Ema, o.MaxResolution <= 64 ? 64 : 16);
        probe = new CollapseProbe(o.Seed, session.Ema, dataset);
    }

    /// <summary>Starts a new run in <paramref name="runDir"/> (refused if it already holds checkpoints: use Resume).
    /// <paramref name="descriptorCache"/>: where the conditioned recipe keeps the dataset's descriptors (default: the run folder;
    /// <see cref="DescriptorCachePath"/> puts them beside a folder or zip dataset).</summary>
    public static Trainer Create(TrainingOptions options, IImageDataset dataset, string runDir, string? descriptorCache = null)
    {
        if (CheckpointStore.List(runDir).Count > 0)
            throw new InvalidOperationException($"{runDir} already holds a run; resume it or choose another folder.");
        var session = new GanSession(options, dataset, descriptorCache: descriptorCache ?? new RunFolder(runDir).DescriptorCache);
        new RunFolder(runDir).WriteOptions(session.Options); // as trained: a conditioned run records its collection size
        return new Trainer(session, dataset, runDir);
    }

    /// <summary>Continues a run from its newest readable checkpoint (damaged ones are skipped, see <see cref="SkippedCheckpoints"/>),
    /// with <paramref name="changes"/> to its options (a new time budget counts from <see cref="Run"/>).</summary>
    public static Trainer Resume(string runDir, IImageDataset dataset, ResumeChanges? changes = null, string? descriptorCache = null)
    {
        var skipped = new List<string>();
        var data = CheckpointStore.LoadLatest(runDir, skipped)
            ?? throw new InvalidOperationException($"{runDir} has no readable checkpoint to resume from.");
        var cache = descriptorCache ?? new RunFolder(runDir).DescriptorCache;
        if (changes is not { None: false }) return new Trainer(GanSession.Restore(data, dataset, cache), dataset, runDir) { SkippedCheckpoints = skipped };
        var changed = changes.Apply(data.Options);
        GanRecipes.Validate(changed);
        var session = !changes.Reshapes
            ? GanSession.Restore(data with { OptionsJson = changed.ToJson() }, dataset, cache)
            : GanSession.RestoreWidened(data, changed, dataset, cache);
        new RunFolder(runDir).WriteOptions(session.Options); // run.json says what the run trains with now
        return new Trainer(session, dataset, runDir) { SkippedCheckpoints = skipped };
    }

    /// <summary>Where a run on <paramref name="datasetSpec"/> keeps the dataset's descriptors: beside a folder or zip dataset,
    /// so every run on it shares them; in the run folder for the built-in dataset.</summary>
    public static string DescriptorCachePath(string datasetSpec, string runDir) => Conditioning.DescriptorCache.PathFor(datasetSpec, runDir);

    /// <summary>The run folder.</summary>
    public string RunDirectory { get; }

    /// <summary>The run folder's layout.</summary>
    public RunFolder Folder { get; }

    /// <summary>The run's options.</summary>
    public TrainingOptions Options => session.Options;

    /// <summary>Live counters (read them from the training thread or after Run returns).</summary>
    public TrainingCounters Counters => session.Counters;

    /// <summary>Total kimg of the schedule.</summary>
    public double TotalKimg => session.Schedule.TotalImages / 1000.0;

    /// <summary>Checkpoints that could not be read on resume, with the reason.</summary>
    public IReadOnlyList<string> SkippedCheckpoints { get; private init; } = [];

    /// <summary>Trains until the schedule ends, the minutes budget is spent or <paramref name="cancel"/> fires; always ends with a checkpoint.</summary>
    public TrainingProgress Run(IProgress<TrainingProgress>? progress = null, CancellationToken cancel = default)
    {
        var o = session.Options;
        if (o.Threads > 0) TorchSharp.torch.set_num_threads(o.Threads);
        var clock = Stopwatch.StartNew();
        double nextCheckpoint = Next(o.CheckpointKimg), nextSample = Next(o.SampleKimg);
        double nextProbe = o.DiversityKimg > 0 ? Next(o.DiversityKimg) : double.MaxValue;
        double ips = 0, lossD = 0, lossG = 0, lastSeconds = 0;
        while (!session.Finished && !cancel.IsCancellationRequested && (o.Minutes is not { } m || clock.Elapsed.TotalMinutes < m))
        {
            long before = session.Counters.ImagesSeen;
            var (d, g) = session.Step();
            if (double.IsFinite(d) && double.IsFinite(g)) (lossD, lossG) = (d, g);
            double now = clock.Elapsed.TotalSeconds, rate = (session.Counters.ImagesSeen - before) / Math.Max(now - lastSeconds, 1e-6);
            session.Counters.ElapsedSeconds += now - lastSeconds;
            lastSeconds = now;
            ips = ips == 0 ? rate : 0.9 * ips + 0.1 * rate;
            double kimg = session.Counters.Kimg;
            string? grid = null, checkpoint = null;
            if (kimg >= nextProbe) { Probe(); nextProbe = Next(o.DiversityKimg); }
            if (kimg >= nextCheckpoint)
            {
                (checkpoint, grid) = (SaveCheckpoint(), WriteGrid());
                (nextCheckpoint, nextSample) = (Next(o.CheckpointKimg), Next(o.SampleKimg));
            }
            else if (kimg >= nextSample) { grid = WriteGrid(); nextSample = Next(o.SampleKimg); }
            if (session.Counters.Step % o.ProgressEverySteps == 0 || grid is not null)
                Publish(progress, Report(lossD, lossG, ips, grid, checkpoint));
        }
        if (o.DiversityKimg > 0) Probe();
        var final = Report(lossD, lossG, ips, WriteGrid(), SaveCheckpoint());
        Publish(progress, final);
        return final;
    }

    /// <summary>Writes a checkpoint now (atomically) and prunes old ones; returns its path.</summary>
    public string SaveCheckpoint()
    {
        var c = session.Counters;
        var path = Path.Combine(CheckpointStore.Folder(RunDirectory), CheckpointStore.NameFor(c.ImagesSeen, c.Step));
        CheckpointFile.Write(path, session);
        CheckpointStore.Prune(RunDirectory, session.Options.KeepCheckpoints);
        return path;
    }

    private string WriteGrid()
    {
        session.ApplyPhase();
        return grids.Write(session.Ema, session.Device, Folder.SampleGridPath(session.Counters.ImagesSeen));
    }

    private void Publish(IProgress<TrainingProgress>? progress, TrainingProgress report)
    {
        // The curves outlive the process: a finished run's charts are read back from the run folder.
        Folder.AppendProgress(report);
        progress?.Report(report);
    }

    private void Probe()
    {
        session.ApplyPhase();
        var reading = probe.Measure(session.Ema, session.Device, session.Options.CollapseThreshold);
        (diversity, collapse) = (reading.Diversity, reading.Warning);
    }

    private double Next(double every) => (Math.Floor(session.Counters.Kimg / every) + 1) * every;

    private TrainingProgress Report(double lossD, double lossG, double ips, string? grid, string? checkpoint)
    {
        var phase = session.Phase;
        double remaining = (session.Schedule.TotalImages - session.Counters.ImagesSeen) / Math.Max(ips, 1e-9);
        TimeSpan? eta = ips > 0 && remaining < TimeSpan.MaxValue.TotalSeconds ? TimeSpan.FromSeconds(remaining) : null;
        return new TrainingProgress(phase.Name, phase.Resolution, phase.Alpha, session.Counters.Kimg, TotalKimg,
            lossD, lossG, ips, eta, session.Counters.AugmentP, diversity, collapse, grid, checkpoint, session.SkippedUpdates);
    }

    /// <summary>Frees the networks and optimisers.</summary>
    public void Dispose() => session.Dispose();
}
