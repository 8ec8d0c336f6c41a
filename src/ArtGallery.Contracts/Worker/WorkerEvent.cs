namespace ArtGallery.Contracts.Worker;

/// <summary>An event from the worker; which fields are set depends on <see cref="Event"/> (docs/CONTRACTS.md). Progress: a
/// run's report; Detail: a detail job's report; Status: how a finished job ended (finished, paused or stopped); Step: the step
/// of a detail strip; ModelId: the generator a saved detail model serves.</summary>
public sealed record WorkerEvent(
    string Event,
    TrainingProgress? Progress = null,
    string? Path = null,
    double? Kimg = null,
    double? TotalKimg = null,
    JobStatus? Status = null,
    string? Message = null,
    IReadOnlyList<string>? SkippedCheckpoints = null,
    int? Pid = null,
    DetailReport? Detail = null,
    int? Step = null,
    string? ModelId = null);

/// <summary>A detail job's progress on the wire: the numbers of the engine's DetailProgress (its strip travels as a PNG file,
/// see the sample event). Loss and BicubicLoss: smoothed L1 of the net and of bicubic on the training pairs.</summary>
public sealed record DetailReport(int Step, double Elapsed, double Fraction, double Loss, double BicubicLoss, int SkippedSteps, double? EtaSeconds);
