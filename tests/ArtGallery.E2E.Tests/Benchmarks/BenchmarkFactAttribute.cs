namespace ArtGallery.E2E.Tests.Benchmarks;

/// <summary>A fact that runs only when ARTGALLERY_BENCH=1, so benchmarks never slow down or flake the normal test run.</summary>
public sealed class BenchmarkFactAttribute : FactAttribute
{
    /// <summary>Skips unless the benchmark switch is set.</summary>
    public BenchmarkFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("ARTGALLERY_BENCH") != "1")
            Skip = "Benchmark: run with ARTGALLERY_BENCH=1";
    }
}
