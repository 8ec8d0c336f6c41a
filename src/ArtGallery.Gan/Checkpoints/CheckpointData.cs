using ArtGallery.Gan.Training;

namespace ArtGallery.Gan.Checkpoints;

/// <summary>The decoded contents of a checkpoint: options, counters and each network/optimiser state as bytes.</summary>
public sealed record CheckpointData(
    string Path,
    TrainingOptions Options,
    TrainingCounters Counters,
    byte[] Generator,
    byte[] EmaGenerator,
    byte[] Discriminator,
    byte[] GeneratorOptimiser,
    byte[] DiscriminatorOptimiser)
{
    /// <summary>The growth phase the checkpoint was taken in.</summary>
    public PhaseInfo Phase => new PhaseSchedule(Options).At(Counters.ImagesSeen);

    /// <summary>The sampling model (EMA generator) this checkpoint holds.</summary>
    public ModelBlob Model => new(Options, Phase.Resolution, Phase.Alpha, EmaGenerator);
}

/// <summary>What sampling needs: options (architecture), resolution, alpha and EMA generator weights.</summary>
public sealed record ModelBlob(TrainingOptions Options, int Resolution, double Alpha, byte[] Weights)
{
    /// <summary>Short stable id: hash of architecture, resolution, alpha and weights (same for a checkpoint and its export).</summary>
    public string ModelId
    {
        get
        {
            using var sha = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
            sha.AppendData(System.Text.Encoding.UTF8.GetBytes($"{Options.ToJson()}|{Resolution}|{Alpha:R}|"));
            sha.AppendData(Weights);
            return Convert.ToHexString(sha.GetHashAndReset())[..12].ToLowerInvariant();
        }
    }
}
