using System.Text.Json;
using System.Text.Json.Serialization;
using ArtGallery.Gan.Training;

namespace ArtGallery.Gan.Worker;

/// <summary>
/// The training worker's wire format (docs/CONTRACTS.md, "Training worker"): one JSON object per line, commands on the
/// worker's stdin, events on its stdout. Shared by the worker (`artgallery worker`) and the web app that supervises it.
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

    /// <summary>A value as a JSON element of this wire format (payloads whose types live above the engine: detail progress).</summary>
    public static JsonElement ToElement<T>(T value) => JsonSerializer.SerializeToElement(value, Json);

    /// <summary>A JSON element of this wire format read back as <typeparamref name="T"/>; null when it is not of that shape.</summary>
    public static T? FromElement<T>(JsonElement element) where T : class
    {
        try { return element.Deserialize<T>(Json); }
        catch (JsonException) { return null; }
    }

    /// <summary>Parses one line; null when the line is not a JSON object of that shape (stray output is ignored, not fatal).</summary>
    public static T? Read<T>(string? line) where T : class
    {
        if (line is null || !line.StartsWith('{')) return null;
        try { return JsonSerializer.Deserialize<T>(line, Json); }
        catch (JsonException) { return null; }
    }
}

/// <summary>A command to the worker. start: Options (the run.json document), Dataset (a DatasetSource spec) and
/// RunFolder; resume: Dataset and RunFolder (Minutes optionally replaces the time budget, FinalKimg lengthens the last phase:
/// "extend this run"); detail: Generator (run folder, .agck or .agmodel), Dataset (builtin:abstract or a folder), Output (the
/// .agdetail to write), Samples (folder for LR | output | HR strips), Minutes, optional Steps and Threads; pause, stop: no fields.</summary>
public sealed record WorkerCommand(string Command, JsonElement? Options = null, string? Dataset = null, string? RunFolder = null, double? Minutes = null,
    double? FinalKimg = null, string? Generator = null, string? Output = null, string? Samples = null, int? Steps = null, int? Threads = null)
{
    /// <summary>A detail command: train the detail model of <paramref name="generator"/> into <paramref name="output"/>.</summary>
    public static WorkerCommand TrainDetail(string generator, string dataset, string output, string samples, double minutes, int? steps, int threads) =>
        new(WorkerProtocol.Detail, Dataset: dataset, Minutes: minutes, Generator: generator, Output: output, Samples: samples, Steps: steps, Threads: threads);

    /// <summary>A start command for these options.</summary>
    public static WorkerCommand StartRun(TrainingOptions options, string dataset, string runFolder) =>
        new(WorkerProtocol.Start, JsonDocument.Parse(options.ToJson()).RootElement.Clone(), dataset, runFolder);

    /// <summary>A resume command.</summary>
    public static WorkerCommand ResumeRun(string dataset, string runFolder, double? minutes = null, double? finalKimg = null) =>
        new(WorkerProtocol.Resume, null, dataset, runFolder, minutes, finalKimg);
}

/// <summary>An event from the worker; which fields are set depends on <see cref="Event"/> (docs/CONTRACTS.md). Detail: a detail
/// job's progress (ArtGallery.Detail's DetailProgress, without its strip); Step: the step of a detail sample; ModelId: the
/// generator a finished detail model serves.</summary>
public sealed record WorkerEvent(
    string Event,
    TrainingProgress? Progress = null,
    string? Path = null,
    double? Kimg = null,
    double? TotalKimg = null,
    string? Status = null,
    string? Message = null,
    IReadOnlyList<string>? SkippedCheckpoints = null,
    int? Pid = null,
    JsonElement? Detail = null,
    int? Step = null,
    string? ModelId = null);
