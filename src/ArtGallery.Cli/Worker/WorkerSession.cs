using ArtGallery.Contracts;
using ArtGallery.Contracts.Worker;
using ArtGallery.Gan.Training;
using ArtGallery.Imaging;

namespace ArtGallery.Cli.Worker;

/// <summary>
/// One training run driven over JSON lines (docs/CONTRACTS.md, "Training worker"): the first command starts or resumes
/// a run, later ones pause or stop it; the Trainer runs on the calling thread and every report becomes an event.
/// The end of the input (the supervisor is gone) stops the run with a checkpoint, so a worker never outlives its parent long.
/// </summary>
public sealed partial class WorkerSession(TextReader input, TextWriter output, TextWriter log)
{
    private readonly Lock writing = new();
    // Written before stopping.Cancel() and read after the trainer saw the cancel: the cancel orders the two.
    private JobStatus? requested;

    /// <summary>Runs the session; 0 when the run ended (finished, paused or stopped), 1 when it failed, 2 on a bad first command.</summary>
    public int Run(CancellationToken cancel)
    {
        var first = WorkerProtocol.Read<WorkerCommand>(input.ReadLine());
        bool detail = first?.Command == WorkerProtocol.Detail;
        if (first is null || (!detail && (first.Command is not (WorkerProtocol.Start or WorkerProtocol.Resume) || first.Dataset is null || first.RunFolder is null)))
        {
            Emit(new WorkerEvent(WorkerProtocol.Error, Message: "The first command must be start or resume (with dataset and runFolder) or detail."));
            return 2;
        }
        // Not disposed: the command thread may still cancel it after Run returned (the input ending later).
        var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        try
        {
            if (detail) return RunDetail(first, stopping);
            using var trainer = Open(first);
            Emit(new WorkerEvent(WorkerProtocol.Started, Kimg: trainer.Counters.Kimg, TotalKimg: trainer.TotalKimg,
                SkippedCheckpoints: trainer.SkippedCheckpoints, Pid: Environment.ProcessId));
            // Commands are read on their own thread while the Trainer holds this one.
            StartListening(stopping);
            var final = trainer.Run(new Reporter<TrainingProgress>(Report), stopping.Token);
            var status = requested ?? (stopping.IsCancellationRequested ? JobStatus.Stopped : JobStatus.Finished);
            Emit(new WorkerEvent(WorkerProtocol.Finished, Path: final.CheckpointPath, Kimg: final.Kimg, TotalKimg: final.TotalKimg, Status: status));
            return 0;
        }
        catch (Exception e) when (Environment.GetEnvironmentVariable("ARTGALLERY_DEBUG") != "1")
        {
            // A managed failure (bad data, unreadable checkpoint, ...) is an event; a native crash is the supervisor's to see.
            Emit(new WorkerEvent(WorkerProtocol.Error, Message: e.Message));
            return 1;
        }
    }

    private static Trainer Open(WorkerCommand command)
    {
        var (dataset, _) = DatasetSource.Open(command.Dataset!);
        var descriptors = Trainer.DescriptorCachePath(command.Dataset!, command.RunFolder!);
        if (command.Command == WorkerProtocol.Resume) return Trainer.Resume(command.RunFolder!, dataset, new ResumeChanges(command.Minutes, command.FinalKimg), descriptors);
        if (command.Options is not { } json) throw new ArgumentException("start needs the training options.");
        var options = TrainingOptions.FromJson(json.GetRawText());
        GanRecipes.Validate(options);
        return Trainer.Create(options, dataset, command.RunFolder!, descriptors);
    }

    private void StartListening(CancellationTokenSource stopping) =>
        new Thread(() => Listen(stopping)) { IsBackground = true, Name = "worker-commands" }.Start();

    private void Listen(CancellationTokenSource stopping)
    {
        while (true)
        {
            var line = input.ReadLine();
            var command = WorkerProtocol.Read<WorkerCommand>(line);
            switch (line is null ? WorkerProtocol.Stop : command?.Command)
            {
                case WorkerProtocol.Pause: requested = JobStatus.Paused; stopping.Cancel(); return;
                case WorkerProtocol.Stop: requested = JobStatus.Stopped; stopping.Cancel(); return;
                default: log.WriteLine($"artgallery worker: ignored command line '{line}'"); break;
            }
        }
    }

    private void Report(TrainingProgress p)
    {
        Emit(new WorkerEvent(WorkerProtocol.Progress, Progress: p));
        if (p.SampleGridPath is { } grid) Emit(new WorkerEvent(WorkerProtocol.Sample, Path: grid, Kimg: p.Kimg));
        if (p.CheckpointPath is { } checkpoint) Emit(new WorkerEvent(WorkerProtocol.Checkpoint, Path: checkpoint, Kimg: p.Kimg));
    }

    private void Emit(WorkerEvent e)
    {
        lock (writing)
        {
            output.WriteLine(WorkerProtocol.Write(e));
            output.Flush();
        }
    }

    private sealed class Reporter<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
