using System.Text.Json;
using System.Text.Json.Serialization;
using ArtGallery.Detail.Training;

namespace ArtGallery.Detail;

/// <summary>One x4 pass's net in a format-2 file: its shape, whether it reads the condition planes, and how it was trained.</summary>
public sealed record DetailPassInfo(int Channels, int Blocks, int Conditions, int Steps, double Minutes, double FinalLoss, string Loss);

/// <summary>
/// The header of a .agdetail file: what the model serves, how it is built and how it was trained. Format 1 (issue 11): one
/// unconditioned net (<see cref="Channels"/> x <see cref="Blocks"/>) for every pass. Format 2 (issue 22): <see cref="Passes"/>,
/// one net per x4 pass, in cascade order (a print's pass k uses net min(k, count)); the top-level fields describe pass 1.
/// </summary>
public sealed record DetailModelInfo(
    int GeneratorResolution, int Channels, int Blocks, DegradationProfile Profile, string TrainedOn, int Steps, double Minutes, double FinalLoss)
{
    /// <summary>Format version written by this build.</summary>
    public const int CurrentFormat = 2;

    /// <summary>The format of issue 11's files: one unconditioned net, still read.</summary>
    public const int SinglePassFormat = 1;

    /// <summary>Most nets in a file (one per pass of a 64 -> 4096 px print).</summary>
    public const int MaxPasses = 3;

    /// <summary>Format version of the file.</summary>
    public int Format { get; init; } = CurrentFormat;

    /// <summary>Id of the generator it was calibrated on, when known.</summary>
    public string? GeneratorModelId { get; init; }

    /// <summary>Format 2: the nets, pass 1 first; null in a format-1 file (and left out of its header, so a format-1 file re-saves byte for byte).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<DetailPassInfo>? Passes { get; init; }

    /// <summary>The nets of the file as format 2 describes them (a format-1 file: its one unconditioned net).</summary>
    [JsonIgnore]
    public IReadOnlyList<DetailPassInfo> Nets => Passes ?? [new DetailPassInfo(Channels, Blocks, 0, Steps, Minutes, FinalLoss, "l1")];

    internal string ToJson() => JsonSerializer.Serialize(this with
    {
        FinalLoss = Finite(FinalLoss),
        Passes = Passes?.Select(p => p with { FinalLoss = Finite(p.FinalLoss) }).ToArray(),
    });

    /// <summary>Value equality, <see cref="Passes"/> included (a record would compare the list by reference).</summary>
    public bool Equals(DetailModelInfo? other) => other is not null && GeneratorResolution == other.GeneratorResolution && Channels == other.Channels
        && Blocks == other.Blocks && Profile == other.Profile && TrainedOn == other.TrainedOn && Steps == other.Steps && Minutes.Equals(other.Minutes)
        && FinalLoss.Equals(other.FinalLoss) && Format == other.Format && GeneratorModelId == other.GeneratorModelId
        && (Passes is null ? other.Passes is null : other.Passes is not null && Passes.SequenceEqual(other.Passes));

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(GeneratorResolution, Channels, Blocks, Profile, TrainedOn, Steps, Format, Passes?.Count);

    private static double Finite(double loss) => double.IsFinite(loss) ? loss : -1;

    /// <summary>The header, checked against the limits the trainer has (<see cref="Network.DetailNet.MaxChannels"/>, ...) before
    /// any network is built; a bad one throws <see cref="InvalidDataException"/> ("damaged model file: PATH: why").</summary>
    internal static DetailModelInfo FromJson(string json, string path)
    {
        DetailModelInfo? info;
        try { info = JsonSerializer.Deserialize<DetailModelInfo>(json); }
        catch (JsonException e) { throw new InvalidDataException($"damaged model file: {path}: its detail model header is not valid JSON.", e); }
        // A header that names no format predates format 2's field list: read it as format 1 (one net), not as a format 2 missing its passes.
        if (info is not null && !HasFormat(json)) info = info with { Format = SinglePassFormat };
        if (Problem(info) is { } problem) throw new InvalidDataException($"damaged model file: {path}: {problem}");
        return info!;
    }

    private static bool HasFormat(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty(nameof(Format), out _);
    }

    private static string? Problem(DetailModelInfo? info)
    {
        if (info is null) return "its detail model header is empty";
        if (info.Format is not (SinglePassFormat or CurrentFormat))
            return $"detail model format {info.Format}; this build reads formats {SinglePassFormat} and {CurrentFormat}";
        if (info.Format == SinglePassFormat && info.Passes is not null) return "a format-1 header cannot list passes";
        if (info.Format == CurrentFormat && info.Passes is not { Count: >= 1 and <= MaxPasses })
            return $"a format-{CurrentFormat} header must list 1..{MaxPasses} passes";
        if (info.GeneratorResolution is < 4 or > 4096) return $"it serves {info.GeneratorResolution} px samples; 4..4096 px are possible";
        if (info.Channels is < 4 or > Network.DetailNet.MaxChannels || info.Channels % 4 != 0)
            return $"its header asks for {info.Channels} channels; a multiple of 4 in 4..{Network.DetailNet.MaxChannels} is possible";
        foreach (var net in info.Nets)
        {
            if (net is null) return "its header lists an empty pass";
            if (net.Channels is < 4 or > Network.DetailNet.MaxChannels || net.Channels % 4 != 0)
                return $"its header asks for {net.Channels} channels; a multiple of 4 in 4..{Network.DetailNet.MaxChannels} is possible";
            if (net.Blocks is < 1 or > Network.DetailNet.MaxBlocks) return $"its header asks for {net.Blocks} blocks; 1..{Network.DetailNet.MaxBlocks} are possible";
            if (net.Conditions is not (0 or Network.DetailNet.ConditionCount))
                return $"its header asks for {net.Conditions} condition planes; 0 or {Network.DetailNet.ConditionCount} are possible";
        }
        if (info.Profile is null) return "its header has no degradation profile";
        try { info.Profile.Validated(); }
        catch (ArgumentException e) { return $"its degradation profile is out of range ({e.Message})"; }
        return null;
    }
}
