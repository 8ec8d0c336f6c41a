using System.Text.Json;
using System.Text.Json.Serialization;

namespace ArtGallery.Contracts;

/// <summary>
/// The status of a training job (a GAN run or a detail model), everywhere it is stored or sent: the run record in LiteDB,
/// the status APIs, the pages and the worker's <c>finished</c> event. Written as the lower-case word (<c>"running"</c>),
/// the same strings as before the enum existed, so stored records and clients read it unchanged.
/// </summary>
[JsonConverter(typeof(JobStatusJsonConverter))]
public enum JobStatus
{
    /// <summary>No job since the app started.</summary>
    Idle,

    /// <summary>The worker is starting.</summary>
    Starting,

    /// <summary>A detail job fits the degradation to its generator before training.</summary>
    Calibrating,

    /// <summary>Training now.</summary>
    Running,

    /// <summary>Paused by an admin with a checkpoint; resumable.</summary>
    Paused,

    /// <summary>Stopped by an admin (a run keeps its checkpoints; a detail job keeps nothing).</summary>
    Stopped,

    /// <summary>Finished its schedule or budget.</summary>
    Finished,

    /// <summary>Interrupted by a crash, a kill or a restart; resumes from its newest checkpoint.</summary>
    Resumable,

    /// <summary>Ended with an error.</summary>
    Failed,
}

/// <summary>The stored and wire form of <see cref="JobStatus"/>.</summary>
public static class JobStatusText
{
    /// <summary>The lower-case word ("running").</summary>
    public static string ToText(this JobStatus status) => status.ToString().ToLowerInvariant();

    /// <summary>A stored or received word; <see cref="InvalidDataException"/> for anything else.</summary>
    public static JobStatus Parse(string text) =>
        Enum.TryParse<JobStatus>(text, ignoreCase: true, out var status) && Enum.IsDefined(status) && !int.TryParse(text, out _)
            ? status : throw new InvalidDataException($"'{text}' is not a job status.");
}

/// <summary>JSON as the lower-case word; numbers are refused.</summary>
public sealed class JobStatusJsonConverter() : JsonStringEnumConverter<JobStatus>(JsonNamingPolicy.CamelCase, allowIntegerValues: false);
