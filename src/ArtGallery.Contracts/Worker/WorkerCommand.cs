using System.Text.Json;

namespace ArtGallery.Contracts.Worker;

/// <summary>A command to the worker. start: Options (the run.json document), Dataset (a DatasetSource spec) and RunFolder;
/// resume: Dataset and RunFolder (Minutes optionally replaces the time budget, FinalKimg lengthens the last phase: "extend this
/// run"); detail: Generator (run folder, .agck or .agmodel), Dataset (builtin:abstract or a folder), Output (the .agdetail to
/// write), Samples (folder for LR | output | HR strips), Minutes, optional Steps and Threads; pause, stop: no fields.</summary>
public sealed record WorkerCommand(string Command, JsonElement? Options = null, string? Dataset = null, string? RunFolder = null,
    double? Minutes = null, double? FinalKimg = null, string? Generator = null, string? Output = null, string? Samples = null,
    int? Steps = null, int? Threads = null)
{
    /// <summary>A start command for a run whose options are <paramref name="optionsJson"/> (TrainingOptions.ToJson()).</summary>
    public static WorkerCommand StartRun(string optionsJson, string dataset, string runFolder) =>
        new(WorkerProtocol.Start, JsonDocument.Parse(optionsJson).RootElement.Clone(), dataset, runFolder);

    /// <summary>A resume command.</summary>
    public static WorkerCommand ResumeRun(string dataset, string runFolder, double? minutes = null, double? finalKimg = null) =>
        new(WorkerProtocol.Resume, null, dataset, runFolder, minutes, finalKimg);

    /// <summary>A detail command: train the detail model of <paramref name="generator"/> into <paramref name="output"/>.</summary>
    public static WorkerCommand TrainDetail(string generator, string dataset, string output, string samples, double minutes, int? steps, int threads) =>
        new(WorkerProtocol.Detail, Dataset: dataset, Minutes: minutes, Generator: generator, Output: output, Samples: samples, Steps: steps,
            Threads: threads);
}
