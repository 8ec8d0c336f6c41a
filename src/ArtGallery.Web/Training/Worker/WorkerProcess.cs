using System.Diagnostics;
using ArtGallery.Contracts.Worker;

namespace ArtGallery.Web.Training.Worker;

/// <summary>
/// One `artgallery worker` child process: commands go to its stdin, each event line on its stdout is handed to
/// <c>onEvent</c> in order on a reader task, and <see cref="Exited"/> completes with the exit code once the output is drained.
/// </summary>
public sealed partial class WorkerProcess : IDisposable
{
    private const int TailLines = 20;
    private readonly Process process;
    private readonly Queue<string> stderrTail = new();
    private readonly ILogger log;

    private WorkerProcess(Process process, ILogger log)
    {
        this.process = process;
        this.log = log;
    }

    /// <summary>The worker's process id.</summary>
    public int Id => process.Id;

    /// <summary>Completes with the exit code (128 + signal when a signal ended it) after the last event was handled.</summary>
    public Task<int> Exited { get; private set; } = Task.FromResult(0);

    /// <summary>Starts the worker and sends it <paramref name="first"/> (start or resume).</summary>
    public static WorkerProcess Start(ProcessStartInfo info, WorkerCommand first, Action<WorkerEvent> onEvent, ILogger log)
    {
        var process = Process.Start(info) ?? throw new InvalidOperationException("The training worker did not start.");
        var worker = new WorkerProcess(process, log);
        LowerPriority(process, log);
        process.StandardInput.AutoFlush = true;
        process.ErrorDataReceived += (_, e) => worker.OnError(e.Data);
        process.BeginErrorReadLine();
        worker.Exited = worker.Pump(onEvent);
        worker.Send(first);
        return worker;
    }

    // Training is background work: a person waiting for a render comes first (on Linux: nice 10).
    private static void LowerPriority(Process process, ILogger log)
    {
        try { process.PriorityClass = ProcessPriorityClass.BelowNormal; }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception) { LogPriority(log, e.Message); }
    }

    /// <summary>Sends a command; false when the worker is gone (its stdin is closed).</summary>
    public bool Send(WorkerCommand command)
    {
        try
        {
            process.StandardInput.WriteLine(WorkerProtocol.Write(command));
            return true;
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or ObjectDisposedException) { return false; }
    }

    /// <summary>Kills the worker (SIGKILL); a no-op when it has exited.</summary>
    public void Kill()
    {
        try { process.Kill(entireProcessTree: true); }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception) { /* already gone */ }
    }

    /// <summary>Why a worker that sent no end event ended, for the admin: signal or exit code, and its last stderr line.</summary>
    public string DescribeExit(int code)
    {
        var how = code > 128 && OperatingSystem.IsLinux() ? $"was killed by signal {code - 128}" : $"exited with code {code}";
        string? last;
        lock (stderrTail) last = stderrTail.LastOrDefault();
        return last is null ? how : $"{how} ({last})";
    }

    private async Task<int> Pump(Action<WorkerEvent> onEvent)
    {
        while (await process.StandardOutput.ReadLineAsync() is { } line)
        {
            if (WorkerProtocol.Read<WorkerEvent>(line) is not { Event: not null } e) { LogStray(log, line); continue; }
            // A failing handler (a full disk under LiteDB) must not stop the pump: the process would block on a full pipe.
            try { onEvent(e); }
            catch (Exception ex) { LogHandlerFailed(log, ex, e.Event); }
        }
        await process.WaitForExitAsync();
        return process.ExitCode;
    }

    private void OnError(string? line)
    {
        if (line is null) return;
        lock (stderrTail)
        {
            stderrTail.Enqueue(line);
            if (stderrTail.Count > TailLines) stderrTail.Dequeue();
        }
        LogStderr(log, line);
    }

    /// <summary>Kills a worker still running (never leave an orphan) and releases the handles.</summary>
    public void Dispose()
    {
        if (!HasExited()) { Kill(); process.WaitForExit(5000); }
        process.Dispose();
    }

    private bool HasExited()
    {
        try { return process.HasExited; }
        catch (InvalidOperationException) { return true; }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Training worker: {Line}")]
    private static partial void LogStderr(ILogger logger, string line);

    [LoggerMessage(Level = LogLevel.Error, Message = "Handling the training worker's {Event} event failed")]
    private static partial void LogHandlerFailed(ILogger logger, Exception ex, string @event);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Training worker wrote a non-protocol line: {Line}")]
    private static partial void LogStray(ILogger logger, string line);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The training worker keeps normal priority: {Reason}")]
    private static partial void LogPriority(ILogger logger, string reason);
}
