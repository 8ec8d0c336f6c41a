using ArtGallery.Gan.Training;

namespace ArtGallery.Gan.Checkpoints;

/// <summary>The decoded contents of a checkpoint: options, counters and each network/optimiser state as bytes.</summary>
public sealed record CheckpointData(
    string Path,
    string OptionsJson,
    TrainingCounters Counters,
    byte[] Generator,
    byte[] EmaGenerator,
    byte[] Discriminator,
    byte[] GeneratorOptimiser,
    byte[] DiscriminatorOptimiser)
{
    /// <summary>The run's options, parsed from <see cref="OptionsJson"/> (the text as stored in the file).</summary>
    public TrainingOptions Options => TrainingOptions.FromJson(OptionsJson);

    /// <summary>The growth phase the checkpoint was taken in.</summary>
    public PhaseInfo Phase => new PhaseSchedule(Options).At(Counters.ImagesSeen);

    /// <summary>The sampling model (EMA generator) this checkpoint holds.</summary>
    public ModelBlob Model => new(OptionsJson, Phase.Resolution, Phase.Alpha, EmaGenerator);
}

/// <summary>What sampling needs: options (architecture), resolution, alpha and EMA generator weights.</summary>
public sealed record ModelBlob(string OptionsJson, int Resolution, double Alpha, byte[] Weights)
{
    /// <summary>The options, parsed from <see cref="OptionsJson"/>.</summary>
    public TrainingOptions Options => TrainingOptions.FromJson(OptionsJson);

    /// <summary>
    /// Short stable id: hash of the options text as stored, resolution, alpha and weights (same for a checkpoint and its
    /// export). The stored text, not a re-serialisation, so a new option or a changed default never renames a saved
    /// model (favorites and the catalog refer to models by this id).
    /// </summary>
    public string ModelId
    {
        get
        {
            using var sha = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
            sha.AppendData(System.Text.Encoding.UTF8.GetBytes($"{OptionsJson}|{Resolution}|{Alpha:R}|"));
            sha.AppendData(Weights);
            return Convert.ToHexString(sha.GetHashAndReset())[..12].ToLowerInvariant();
        }
    }
}
