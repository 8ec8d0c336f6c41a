using System.Runtime.InteropServices;

namespace ArtGallery.Web.Infrastructure;

/// <summary>
/// glibc malloc policy for a long-lived server that runs libtorch. Every training run allocates and frees hundreds of
/// MB of native tensors on its own thread, and renders do the same on pool threads; glibc keeps freed memory in
/// per-thread arenas (up to 8 per core) and does not hand it back, so the soak measured RSS climbing run after run
/// (607 -> 1,147 MB over 8 short runs). Fewer arenas plus a trim when a run ends keep it flat (BENCHMARKS.md, "Long run").
/// Runs now train in their own worker process, whose heap leaves with it; the trim still returns what renders freed.
/// A no-op off glibc (Windows, macOS, musl).
/// </summary>
public static class NativeHeap
{
    private const int ArenaMaxParameter = -8; // M_ARENA_MAX in malloc.h

    /// <summary>Caps the number of malloc arenas created from now on; call first thing at start-up.</summary>
    public static bool LimitArenas(int max) => Call(() => mallopt(ArenaMaxParameter, max) == 1);

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
