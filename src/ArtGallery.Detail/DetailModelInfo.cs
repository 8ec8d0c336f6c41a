using System.Text.Json;
using ArtGallery.Detail.Training;

namespace ArtGallery.Detail;

/// <summary>The header of a .agdetail file: what the model serves, how it is built and how it was trained.</summary>
public sealed record DetailModelInfo(
    int GeneratorResolution, int Channels, int Blocks, DegradationProfile Profile, string TrainedOn, int Steps, double Minutes, double FinalLoss)
{
    /// <summary>Format version written by this build.</summary>
    public const int CurrentFormat = 1;

    /// <summary>Format version of the file.</summary>
    public int Format { get; init; } = CurrentFormat;

    /// <summary>Id of the generator it was calibrated on, when known.</summary>
    public string? GeneratorModelId { get; init; }

    internal string ToJson() => JsonSerializer.Serialize(this with { FinalLoss = double.IsFinite(FinalLoss) ? FinalLoss : -1 });

    internal static DetailModelInfo FromJson(string json, string path)
    {
        var info = JsonSerializer.Deserialize<DetailModelInfo>(json) ?? throw new InvalidDataException($"{path}: empty detail model header.");
        if (info.Format != CurrentFormat) throw new InvalidDataException($"{path}: detail model format {info.Format}; this build reads format {CurrentFormat}.");
        if (info.GeneratorResolution is < 4 or > 4096 || info.Channels < 4 || info.Blocks < 1 || info.Profile is null)
            throw new InvalidDataException($"{path}: detail model header is damaged.");
        return info;
    }
}
