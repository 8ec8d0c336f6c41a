using System.Collections.Concurrent;
using System.Diagnostics;
using ArtGallery.Contracts;
using ArtGallery.Web.Tests.Infrastructure;
using static ArtGallery.Web.Tests.Infrastructure.TrainingApiClient;

namespace ArtGallery.Web.Tests.Training;

/// <summary>`artgallery watch URL`, the hub's documented client: a real app (Kestrel on a port), a real run, the real CLI
/// process (the artgallery.dll next to the app) signing in through the form and reading /hubs/training over a WebSocket.</summary>
[Trait("Category","Slow")]
[Collection("Sequential")]
public sealed class WatchCommandTests(TinyModel model)
{
    [Fact]
    public async Task Watch_TinyRun_PrintsEachReportThenTheEndAndExits0()
    {
        await using var app = await ChildApp.StartAsync(AppFactory.NewDataDirectory(), model.ModelPath);
        using var watch = Watch(app.BaseAddress.ToString(), AppFactory.AdminPassword);
        // Connected before the run exists, so it sees the run from its first report to its end.
        await Poll.UntilAsync(() => watch.Lines.Any(l => l.StartsWith("watching ", StringComparison.Ordinal)) || watch.Process.HasExited,
            TimeSpan.FromSeconds(120), "watch to connect", everyMs: 100);
        Assert.False(watch.Process.HasExited, watch.Output);

        var admin = await app.SignInAsync("admin", AppFactory.AdminPassword);
        await StartAsync(admin, kimgPerPhase: 0.1);
        Assert.True(await watch.ExitedAsync(TimeSpan.FromSeconds(240)), $"watch did not end with the run:\n{watch.Output}");
        var status = await StatusAsync(admin);

        Assert.Equal(0, watch.Process.ExitCode);
        Assert.Equal(JobStatus.Finished, status.Status);
        var lines = watch.Lines.ToList();
        Assert.Contains(lines, l => l.StartsWith($"{status.RunId} running · ", StringComparison.Ordinal) && l.Contains(" kimg · "));
        Assert.Contains(lines, l => l.StartsWith($"{status.RunId} sample at ", StringComparison.Ordinal) && l.Contains("/samples/grid-"));
        Assert.StartsWith($"{status.RunId} finished · ", lines.Last(l => l.StartsWith("run-", StringComparison.Ordinal) && !l.Contains(" sample at ")));
    }

    [Fact]
    public async Task Watch_WrongPasswordOrNoPassword_ClearErrorNonZeroExit()
    {
        await using var app = await ChildApp.StartAsync(AppFactory.NewDataDirectory(), null);
        using (var wrong = Watch(app.BaseAddress.ToString(), "not-the-password"))
        {
            Assert.True(await wrong.ExitedAsync(TimeSpan.FromSeconds(120)), wrong.Output);
            Assert.Equal(1, wrong.Process.ExitCode);
            Assert.Contains("Sign-in as admin failed", wrong.Output);
        }
        using var none = Watch(app.BaseAddress.ToString(), null);
        Assert.True(await none.ExitedAsync(TimeSpan.FromSeconds(120)), none.Output);
        Assert.Equal(2, none.Process.ExitCode);
        Assert.Contains("set $ARTGALLERY_PASSWORD", none.Output);
    }

    private static CliProcess Watch(string url, string? password)
    {
        var info = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "artgallery.dll"), "watch", url])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        info.Environment.Remove("ARTGALLERY_PASSWORD");
        if (password is not null) info.Environment["ARTGALLERY_PASSWORD"] = password;
        return new CliProcess(Process.Start(info)!);
    }

    /// <summary>A CLI child process whose output lines are kept; killed on dispose if still running.</summary>
    private sealed class CliProcess : IDisposable
    {
        public CliProcess(Process process)
        {
            Process = process;
            process.OutputDataReceived += (_, e) => { if (e.Data is not null) Lines.Enqueue(e.Data); };
            process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Lines.Enqueue(e.Data); };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
        }

        public Process Process { get; }

        public ConcurrentQueue<string> Lines { get; } = new();

        public string Output => string.Join('\n', Lines);

        public async Task<bool> ExitedAsync(TimeSpan limit)
        {
            try { await Process.WaitForExitAsync().WaitAsync(limit); return true; }
            catch (TimeoutException) { return false; }
        }

        public void Dispose()
        {
            if (!Process.HasExited) Process.Kill(entireProcessTree: true);
            Process.Dispose();
        }
    }
}
