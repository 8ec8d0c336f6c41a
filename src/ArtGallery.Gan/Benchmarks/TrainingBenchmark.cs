using System.Diagnostics;
using ArtGallery.Gan.Training;
using ArtGallery.Imaging;

namespace ArtGallery.Gan.Benchmarks;

/// <summary>Measured training throughput and the FLOP rate it implies; dropped updates (non-finite or faulted, see
/// GanSession.StepIfFinite), steps that threw, and what the load's render thread did.</summary>
public sealed record TrainingBenchmarkResult(int Resolution, int BatchSize, int Steps, double ImagesPerSecond, double GflopsPerSecond, double GflopPerImage,
    long SkippedUpdates = 0, long FailedSteps = 0, double Seconds = 0, long Renders = 0, long RenderFaults = 0);

/// <summary>Times training steps at one resolution (stabilise phase, alpha 1).</summary>
public static class TrainingBenchmark
{
    /// <summary>Runs 2 warm-up steps then <paramref name="steps"/> timed steps; FLOPs are counted analytically.
    /// <paramref name="afterStep"/> (e.g. an RSS probe) is called with the 1-based step number; its time is excluded.
    /// <paramref name="load"/> runs alongside the timed steps; <paramref name="limit"/> ends the run early.</summary>
    public static TrainingBenchmarkResult Run(TrainingOptions options, IImageDataset dataset, int resolution, int steps, Action<int>? afterStep = null,
        BenchmarkLoadKind load = BenchmarkLoadKind.None, TimeSpan? limit = null)
    {
        var o = options with { MaxResolution = resolution, DiversityKimg = 0 };
        if (o.Threads > 0) TorchSharp.torch.set_num_threads(o.Threads);
        var schedule = new PhaseSchedule(o);
        // Start in the last (stabilise) phase so the timed steps run the full-resolution networks (0 for a recipe that does not grow).
        long start = (long)Math.Round(o.KimgPerPhase * 1000) * (schedule.PhaseCount - 1);
        using var session = new GanSession(o, dataset, new TrainingCounters { ImagesSeen = start, RngState = 1, AugmentP = o.AdaTarget is null ? o.AugmentP : 0.5 });
        session.Step();
        session.Step();
        int batch = session.BatchSize;
        long skippedBefore = session.SkippedUpdates, failed = 0;
        int done = 0;
        using var background = new BenchmarkLoad(load, o, resolution);
        var clock = Stopwatch.StartNew();
        for (; done < steps && (limit is null || clock.Elapsed < limit); done++)
        {
            try { session.Step(); }
            catch (System.Runtime.InteropServices.ExternalException) { failed++; } // counted: the point of a stress run
            if (afterStep is null) continue;
            clock.Stop();
            afterStep(done + 1);
            clock.Start();
        }
        double seconds = clock.Elapsed.TotalSeconds;
        var (renders, renderFaults) = background.RenderCounts;
        // D step: G forward + D forward/backward on real and fake (3x forward each); G step: 3x (G + D) forward.
        double gf = session.G.ForwardFlops(resolution), df = session.D.ForwardFlops(resolution);
        double perImage = 4 * gf + 9 * df;
        double ips = done * batch / seconds;
        return new TrainingBenchmarkResult(resolution, batch, done, ips, ips * perImage / 1e9, perImage / 1e9,
            session.SkippedUpdates - skippedBefore, failed, seconds, renders, renderFaults);
    }
}
