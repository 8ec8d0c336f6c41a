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

    /// <summary>The header, checked against the limits the trainer has (<see cref="Network.DetailNet.MaxChannels"/>, ...) before
    /// any network is built; a bad one throws <see cref="InvalidDataException"/> ("damaged model file: PATH: why").</summary>
    internal static DetailModelInfo FromJson(string json, string path)
    {
        DetailModelInfo? info;
        try { info = JsonSerializer.Deserialize<DetailModelInfo>(json); }
        catch (JsonException e) { throw new InvalidDataException($"damaged model file: {path}: its detail model header is not valid JSON.", e); }
        if (Problem(info) is { } problem) throw new InvalidDataException($"damaged model file: {path}: {problem}");
        return info!;
    }

    private static string? Problem(DetailModelInfo? info)
    {
        if (info is null) return "its detail model header is empty";
        if (info.Format != CurrentFormat) return $"detail model format {info.Format}; this build reads format {CurrentFormat}";
        if (info.GeneratorResolution is < 4 or > 4096) return $"it serves {info.GeneratorResolution} px samples; 4..4096 px are possible";
        if (info.Channels is < 4 or > Network.DetailNet.MaxChannels || info.Channels % 4 != 0)
            return $"its header asks for {info.Channels} channels; a multiple of 4 in 4..{Network.DetailNet.MaxChannels} is possible";
        if (info.Blocks is < 1 or > Network.DetailNet.MaxBlocks) return $"its header asks for {info.Blocks} blocks; 1..{Network.DetailNet.MaxBlocks} are possible";
        if (info.Profile is null) return "its header has no degradation profile";
        try { info.Profile.Validated(); }
        catch (ArgumentException e) { return $"its degradation profile is out of range ({e.Message})"; }
        return null;
    }
}
