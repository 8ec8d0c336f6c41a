using System.Text.Json;
using System.Text.Json.Serialization;

namespace ArtGallery.Contracts.Worker;

/// <summary>
/// The training worker's wire format (docs/CONTRACTS.md, "Training worker"): one JSON object per line, commands on the
/// worker's stdin, events on its stdout. The worker (`artgallery worker`, Cli) and its supervisor (Web) both use these types.
/// </summary>
public static class WorkerProtocol
{
    /// <summary>Command names.</summary>
    public const string Start = "start", Resume = "resume", Pause = "pause", Stop = "stop", Detail = "detail";

    /// <summary>Event names.</summary>
    public const string Started = "started", Progress = "progress", Sample = "sample", Checkpoint = "checkpoint",
        Finished = "finished", Error = "error";

    // camelCase, NaN/Infinity allowed (a diverged loss must not break the stream), no indentation: one line per message.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>One line of JSON for a message.</summary>
    public static string Write<T>(T message) => JsonSerializer.Serialize(message, Json);

    /// <summary>Parses one line; null when the line is not a JSON object of that shape (stray output is ignored, not fatal).</summary>
    public static T? Read<T>(string? line) where T : class
    {
        if (line is null || !line.StartsWith('{')) return null;
        try { return JsonSerializer.Deserialize<T>(line, Json); }
        catch (JsonException) { return null; }
    }
}
