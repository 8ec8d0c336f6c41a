using ArtGallery.Gan.Models;
using ArtGallery.Gan.Training;
using static TorchSharp.torch;

namespace ArtGallery.Gan.Benchmarks;

/// <summary>What else runs while a benchmark trains.</summary>
[Flags]
public enum BenchmarkLoadKind
{
    /// <summary>Nothing: a quiet process.</summary>
    None = 0,

    /// <summary>A thread forcing full GCs and finalizers in a loop (the Scalar race repro, ENGINE.md).</summary>
    GcStress = 1,

    /// <summary>A thread rendering with its own generator, as the web app does while a run trains.</summary>
    Render = 2,
}

/// <summary>Background threads that load the process while training is timed; disposing stops and joins them.</summary>
internal sealed class BenchmarkLoad : IDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly List<Thread> threads = [];
    private long renders, renderFaults;

    public BenchmarkLoad(BenchmarkLoadKind kind, TrainingOptions options, int resolution)
    {
        if (kind.HasFlag(BenchmarkLoadKind.GcStress)) Start(ForceCollections);
        if (kind.HasFlag(BenchmarkLoadKind.Render)) Start(() => Render(options, resolution));
    }

    /// <summary>Images rendered by the render thread, and the renders that threw.</summary>
    public (long Renders, long Faults) RenderCounts => (Interlocked.Read(ref renders), Interlocked.Read(ref renderFaults));

    private void Start(Action body)
    {
        var thread = new Thread(() => body()) { IsBackground = true, Name = "benchmark-load" };
        threads.Add(thread);
        thread.Start();
    }

    private void ForceCollections()
    {
        while (!stop.IsCancellationRequested)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }
    }

    private void Render(TrainingOptions options, int resolution)
    {
        using var g = ModelFactory.CreateGenerator(options with { MaxResolution = resolution });
        (g.Resolution, g.Alpha) = (resolution, 1);
        g.eval();
        while (!stop.IsCancellationRequested)
        {
            try
            {
                using var inference = inference_mode();
                using var scope = NewDisposeScope();
                g.forward(randn(4, g.LatentSize)).sum().item<float>();
                Interlocked.Add(ref renders, 4);
            }
            catch (System.Runtime.InteropServices.ExternalException)
            {
                Interlocked.Increment(ref renderFaults);
            }
        }
    }

    public void Dispose()
    {
        stop.Cancel();
        foreach (var thread in threads) thread.Join();
        stop.Dispose();
    }
}
