using System.Diagnostics;
using ArtGallery.Gan.Sampling;

namespace ArtGallery.Gan.Benchmarks;

/// <summary>Times image generation.</summary>
public static class GenerationBenchmark
{
    /// <summary>Milliseconds per image over <paramref name="count"/> single-image renders (after one warm-up render).</summary>
    public static double Run(ArtGenerator generator, int count)
    {
        if (count < 1) throw new ArgumentOutOfRangeException(nameof(count));
        generator.Render(generator.LatentFor(0));
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < count; i++) generator.Render(generator.LatentFor(i + 1));
        return clock.Elapsed.TotalMilliseconds / count;
    }
}
