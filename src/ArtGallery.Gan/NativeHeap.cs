using System.Runtime.InteropServices;

namespace ArtGallery.Gan;

/// <summary>
/// glibc malloc policy for a long-lived server that runs libtorch. Every training run allocates and frees hundreds of
/// MB of native tensors on its own thread, and renders do the same on pool threads; glibc keeps freed memory in
/// per-thread arenas (up to 8 per core) and does not hand it back, so the soak measured RSS climbing run after run
/// (607 -> 1,147 MB over 8 short runs). Fewer arenas plus a trim when a run ends keep it flat (BENCHMARKS.md, "Long run").
/// Runs now train in their own worker process, whose heap leaves with it; the trim still returns what renders freed.
/// Renders also pay for glibc's small default thresholds (see <see cref="KeepTensorBuffers"/>). A no-op off glibc
/// (Windows, macOS, musl).
/// </summary>
public static class NativeHeap
{
    private const int ArenaMaxParameter = -8, TrimThresholdParameter = -1, MmapThresholdParameter = -3; // M_ARENA_MAX, M_TRIM_THRESHOLD, M_MMAP_THRESHOLD in malloc.h
    private const int MmapThreshold = 4 << 20, TrimThreshold = 64 << 20;

    /// <summary>Caps the number of malloc arenas created from now on; call first thing at start-up.</summary>
    public static bool LimitArenas(int max) => Call(() => mallopt(ArenaMaxParameter, max) == 1);

    /// <summary>
    /// Keeps a render's tensors (a few hundred KB each at 64 px) in the heap between uses: with glibc's defaults each was
    /// mmapped and unmapped, or the heap top trimmed and re-grown, so a render paid page faults for fresh zeroed pages.
    /// Measured: a 64 px conditioned render 6.1-6.7 ms with 3.6-5.7 s of kernel time per 3,000 renders, 4.0-4.7 ms and
    /// 0.1 s with these thresholds (BENCHMARKS.md). Buffers over 4 MB are still mapped; <see cref="Trim"/> still returns
    /// what is free. Call first thing at start-up.
    /// </summary>
    public static bool KeepTensorBuffers() =>
        Call(() => mallopt(MmapThresholdParameter, MmapThreshold) == 1 && mallopt(TrimThresholdParameter, TrimThreshold) == 1);

    /// <summary>Returns free native memory to the OS (malloc_trim); true when glibc did so.</summary>
    public static bool Trim() => Call(() => { malloc_trim(0); return true; });

    private static bool Call(Func<bool> glibc)
    {
        if (!OperatingSystem.IsLinux()) return false;
        try { return glibc(); }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException) { return false; }
    }

    [DllImport("libc", ExactSpelling = true)]
    private static extern int mallopt(int parameter, int value);

    [DllImport("libc", ExactSpelling = true)]
    private static extern int malloc_trim(nuint pad);
}
