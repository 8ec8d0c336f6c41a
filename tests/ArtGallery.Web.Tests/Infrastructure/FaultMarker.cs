using ArtGallery.Imaging;

namespace ArtGallery.Web.Tests.Infrastructure;

/// <summary>A test-only fault point (<see cref="FaultPoint"/>): the settings that make a process stop there, and the bounded
/// wait until one has. Crash tests kill the stopped process, so the kill lands at that moment on a busy machine too.</summary>
public sealed class FaultMarker(string point)
{
    /// <summary>The marker file the stopped process writes (pid, then what it was doing).</summary>
    public string Path { get; } = System.IO.Path.Combine(Directory.CreateDirectory(System.IO.Path.Combine(System.IO.Path.GetTempPath(), "ag-web-tests")).FullName,
        "fault-" + Guid.NewGuid().ToString("N"));

    /// <summary>Environment of a child process (ChildApp) and of the workers it starts.</summary>
    public Dictionary<string, string> Environment => new() { [FaultPoint.PauseAtVariable] = point, [FaultPoint.MarkerVariable] = Path };

    /// <summary>Settings of an in-process app that pass the switch to its training workers only.</summary>
    public Dictionary<string, string> WorkerSettings =>
        Environment.ToDictionary(e => $"ArtGallery:WorkerEnvironment:{e.Key}", e => e.Value);

    /// <summary>Waits until a process has stopped at the point; its pid and detail (a temp file's path, a step).</summary>
    public async Task<(int Pid, string Detail)> WaitAsync(int seconds = 180)
    {
        await Poll.UntilAsync(() => File.Exists(Path), TimeSpan.FromSeconds(seconds), $"a process to stop at '{point}'", everyMs: 100);
        var lines = await File.ReadAllLinesAsync(Path);
        return (int.Parse(lines[0], System.Globalization.CultureInfo.InvariantCulture), lines.Length > 1 ? lines[1] : "");
    }
}
