using System.Runtime.InteropServices;

namespace ArtGallery.Web.Hosting;

/// <summary>
/// glibc malloc policy for a long-lived server that runs libtorch. Renders allocate and free native tensors on pool
/// threads; glibc keeps freed memory in per-thread arenas (up to 8 per core) and does not hand it back, so the soak
/// measured RSS climbing (607 -> 1,147 MB over 8 short runs, when training still ran in this process). Fewer arenas keep
/// it flat (BENCHMARKS.md, "Long run"); training's own heap now leaves with its worker process (TrainingService).
/// A no-op off glibc (Windows, macOS, musl).
/// </summary>
public static class NativeHeap
{
    private const int ArenaMaxParameter = -8; // M_ARENA_MAX in malloc.h

    /// <summary>Caps the number of malloc arenas created from now on; call first thing at start-up.</summary>
    public static bool LimitArenas(int max) => Call(() => mallopt(ArenaMaxParameter, max) == 1);

    private static bool Call(Func<bool> glibc)
    {
        if (!OperatingSystem.IsLinux()) return false;
        try { return glibc(); }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException) { return false; }
    }

    [DllImport("libc", ExactSpelling = true)]
    private static extern int mallopt(int parameter, int value);
}
