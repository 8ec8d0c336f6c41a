using ArtGallery.Contracts;
using ArtGallery.Contracts.Worker;

namespace ArtGallery.Web.Training.Jobs;

/// <summary>What one kind of job does with its worker (<see cref="Worker.WorkerJob"/> supervises every kind the same way): the
/// first command, each event in order, and how the job ended. It writes only to its <see cref="JobSink"/>.</summary>
public interface IJobAdapter
{
    /// <summary>A run or a detail job.</summary>
    JobKind Kind { get; }

    /// <summary>The worker's first line (start, resume or detail).</summary>
    WorkerCommand First { get; }

    /// <summary>False when a pause must stop the job instead (a half-trained detail model is not kept).</summary>
    bool Pausable { get; }

    /// <summary>Called before the worker starts, once the job holds the worker slot.</summary>
    void Began();

    /// <summary>Each event of the worker, in order, on the supervisor's reader task.</summary>
    void OnEvent(WorkerEvent e);

    /// <summary>Called once, after the worker has exited and the slot is free again. <paramref name="requested"/>: the pause or
    /// stop that was asked for (Resumable when the host shut down), if any.</summary>
    void Ended(WorkerExit exit, JobStatus? requested);
}

/// <summary>How a worker ended: it said it finished (its <c>finished</c> event), it reported an error (or could not start),
/// or it died without a word (a signal, a native crash, a nonzero exit, or killed when the grace time ran out).</summary>
public abstract record WorkerExit
{
    /// <summary>The worker's <c>finished</c> event, then exit code 0.</summary>
    public sealed record Finished(WorkerEvent Event) : WorkerExit;

    /// <summary>The worker's <c>error</c> event, or why it could not start.</summary>
    public sealed record Failed(string Message) : WorkerExit;

    /// <summary>No end event: <paramref name="Description"/> says how the process ended ("was killed by signal 9 (...)").</summary>
    public sealed record Died(string Description) : WorkerExit;
}
