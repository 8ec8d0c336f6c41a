namespace ArtGallery.E2E.Tests.Benchmarks;

/// <summary>Peak resident memory of this process (the app runs in it) over a span, via Linux's VmHWM reset.</summary>
public static class PeakMemory
{
    /// <summary>Resets the peak (writing 5 to clear_refs) and returns the current resident MB; null off Linux.</summary>
    public static long? Reset()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return Read("VmRSS:");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Peak resident MB since the last reset; null off Linux.</summary>
    public static long? Peak() => Read("VmHWM:");

    private static long? Read(string key)
    {
        if (!File.Exists("/proc/self/status")) return null;
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal));
        return line is null ? null : long.Parse(line[key.Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) / 1024;
    }
}
