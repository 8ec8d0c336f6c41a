using System.Collections.Concurrent;
using ArtGallery.Cli.Worker;
using ArtGallery.Gan.Training;
using ArtGallery.Contracts;
using ArtGallery.Contracts.Worker;

namespace ArtGallery.Cli.Tests;

/// <summary>`artgallery worker`: a run driven over JSON lines, as the web app drives it (docs/CONTRACTS.md).</summary>
[Trait("Category","Slow")]
public sealed class WorkerTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(90);

    [Fact]
    public void Worker_StartPauseThenResumeStop_EventsCarryProgressAndEveryRunEndsWithACheckpoint()
    {
        var run = Path.Combine(CliRunner.TempDir(), "run");
        var options = new TrainingOptions
        {
            MaxResolution = 8, KimgPerPhase = 50, Widths = new() { [4] = 16, [8] = 16 }, BatchSizes = new() { [4] = 8 },
            Threads = 1, Device = "cpu", CheckpointKimg = 1000, SampleKimg = 1000, DiversityKimg = 0, ProgressEverySteps = 1,
        };
        using (var first = new Pipes())
        {
            first.Send(WorkerCommand.StartRun(options.ToJson(), "builtin:abstract?count=32", run));
            Assert.Equal(WorkerProtocol.Started, first.Next().Event);
            var progress = first.Until(WorkerProtocol.Progress);
            Assert.Equal(4, progress.Progress!.Resolution);
            Assert.True(progress.Progress.Kimg > 0 && progress.Progress.TotalKimg == 150);
            first.Send(new WorkerCommand(WorkerProtocol.Pause));
            var checkpoint = first.Until(WorkerProtocol.Checkpoint);
            var finished = first.Until(WorkerProtocol.Finished);
            Assert.Equal(JobStatus.Paused, finished.Status);
            Assert.Equal(checkpoint.Path, finished.Path);
            Assert.True(File.Exists(finished.Path));
            Assert.Equal(0, first.ExitCode());

            using var second = new Pipes();
            second.Send(WorkerCommand.ResumeRun("builtin:abstract?count=32", run));
            var started = second.Next();
            Assert.Equal(finished.Kimg, started.Kimg); // from the paused run's checkpoint
            second.Until(WorkerProtocol.Progress);
            second.Close(); // the supervisor is gone: the worker stops with a checkpoint
            Assert.Equal(JobStatus.Stopped, second.Until(WorkerProtocol.Finished).Status);
            Assert.Equal(0, second.ExitCode());
        }
    }

    [Fact]
    public void Worker_BadFirstCommand_ErrorEventAndExit2_BadDataset_ErrorEventAndExit1()
    {
        using (var bad = new Pipes())
        {
            bad.Send(new WorkerCommand(WorkerProtocol.Pause));
            Assert.Contains("start or resume", bad.Until(WorkerProtocol.Error).Message);
            Assert.Equal(2, bad.ExitCode());
        }
        using var missing = new Pipes();
        missing.Send(WorkerCommand.ResumeRun("/no/such/dataset", Path.Combine(CliRunner.TempDir(), "run")));
        Assert.False(string.IsNullOrEmpty(missing.Until(WorkerProtocol.Error).Message));
        Assert.Equal(1, missing.ExitCode());
    }

    /// <summary>A worker session on its own thread with line queues for stdin and stdout; every read is bounded.</summary>
    [Fact]
    public void Worker_DetailWithoutOutput_Exit2_DetailForAMissingGenerator_ErrorAndNothingWritten()
    {
        using (var bad = new Pipes())
        {
            bad.Send(new WorkerCommand(WorkerProtocol.Detail, Dataset: "builtin:abstract", Generator: "/no/such/run"));
            Assert.Contains("output", bad.Until(WorkerProtocol.Error).Message);
            Assert.Equal(2, bad.ExitCode());
        }
        var dir = CliRunner.TempDir();
        var output = Path.Combine(dir, "detail.agdetail");
        using var missing = new Pipes();
        missing.Send(WorkerCommand.TrainDetail(Path.Combine(dir, "missing.agmodel"), "builtin:abstract", output, Path.Combine(dir, "strips"), 1, 2, 1));
        Assert.Equal(WorkerProtocol.Started, missing.Next().Event);
        Assert.False(string.IsNullOrEmpty(missing.Until(WorkerProtocol.Error).Message));
        Assert.Equal(1, missing.ExitCode());
        Assert.False(File.Exists(output));
    }

    private sealed class Pipes : IDisposable
    {
        private readonly BlockingCollection<string> input = new(), output = new();
        private readonly Task<int> session;

        public Pipes() => session = Task.Factory.StartNew(
            () => new WorkerSession(new QueueReader(input), new QueueWriter(output), TextWriter.Null).Run(CancellationToken.None),
            TaskCreationOptions.LongRunning);

        public void Send(WorkerCommand command) => input.Add(WorkerProtocol.Write(command));

        public void Close() => input.CompleteAdding();

        public WorkerEvent Next() =>
            output.TryTake(out var line, Bound) ? WorkerProtocol.Read<WorkerEvent>(line) ?? throw new InvalidDataException(line)
                : throw new TimeoutException("No event from the worker.");

        public WorkerEvent Until(string name)
        {
            while (true) if (Next() is var e && e.Event == name) return e;
        }

        public int ExitCode() => session.Wait(Bound) ? session.Result : throw new TimeoutException("The worker did not end.");

        public void Dispose()
        {
            if (!input.IsAddingCompleted) input.CompleteAdding();
            session.Wait(Bound);
        }
    }

    private sealed class QueueReader(BlockingCollection<string> lines) : TextReader
    {
        public override string? ReadLine() => lines.TryTake(out var line, Timeout.Infinite) ? line : null;
    }

    private sealed class QueueWriter(BlockingCollection<string> lines) : TextWriter
    {
        public override System.Text.Encoding Encoding => System.Text.Encoding.UTF8;
        public override void WriteLine(string? value) => lines.Add(value ?? "");
    }
}
