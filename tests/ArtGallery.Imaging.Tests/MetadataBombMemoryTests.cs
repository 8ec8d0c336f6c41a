namespace ArtGallery.Imaging.Tests;

/// <summary>
/// The memory assertion of issue 15: decoding each hostile file, on each path that decodes uploads (decode, upload
/// import, folder open as the CLI's --data and training do), grows the process's peak RSS by less than the decode cap.
/// Peak RSS is Linux's VmHWM, reset before each case through /proc/self/clear_refs. Sequential: nothing else allocates meanwhile.
/// </summary>
[Collection("Sequential")]
public class MetadataBombMemoryTests
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var kind in HostileImages.All)
            foreach (var path in new[] { "decode", "import", "folder" }) data.Add(kind, path);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Bomb_PeakRssGrowth_UnderTheDecodeCap(string kind, string path)
    {
        if (!OperatingSystem.IsLinux()) return; // VmHWM and clear_refs are Linux's
        var limits = DatasetLimits.Default;
        var bytes = HostileImages.Make(kind);
        using var dir = new TempDir();
        if (path == "folder") dir.File(kind.StartsWith("jpeg", StringComparison.Ordinal) ? "x.jpg" : "x.png", bytes);
        dir.File("good.png", TestImages.Png());
        long baseline = ResetPeak();

        if (path == "decode") SafeImageDecoder.TryDecode(bytes, limits, out _)?.Dispose();
        else if (path == "import") DatasetImporter.ImportFile(new MemoryStream(bytes), "x.png", dir.Path, limits);
        else DatasetSource.Open(dir.Path, limits);

        long growth = Status("VmHWM") - baseline;
        Assert.True(growth < limits.AllocationLimitMegabytes << 20,
            $"{kind} via {path}: peak RSS grew by {growth >> 20} MB, the decode cap is {limits.AllocationLimitMegabytes} MB");
    }

    private static long ResetPeak()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        File.WriteAllText("/proc/self/clear_refs", "5"); // 5: reset the peak resident set size to the current one
        return Status("VmRSS");
    }

    private static long Status(string field)
    {
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith(field + ":", StringComparison.Ordinal));
        return long.Parse(line[(field.Length + 1)..].Trim().Split(' ')[0]) * 1024;
    }
}
