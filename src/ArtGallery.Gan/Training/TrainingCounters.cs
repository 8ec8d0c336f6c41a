namespace ArtGallery.Gan.Training;

/// <summary>Training position and adaptive state; stored in every checkpoint so a resume continues exactly.</summary>
public sealed class TrainingCounters
{
    /// <summary>Real images shown to D so far.</summary>
    public long ImagesSeen { get; set; }

    /// <summary>Training steps (one D + one G update each).</summary>
    public long Step { get; set; }

    /// <summary>Phase index of the schedule.</summary>
    public int Phase { get; set; }

    /// <summary>Current augmentation probability.</summary>
    public double AugmentP { get; set; }

    /// <summary>State of the batch-sampling RNG.</summary>
    public ulong RngState { get; set; }

    /// <summary>ADA: running sum of mean(sign(D(real))) since the last adjustment.</summary>
    public double AdaSum { get; set; }

    /// <summary>ADA: D steps summed in <see cref="AdaSum"/>.</summary>
    public int AdaCount { get; set; }

    /// <summary>Seconds spent training across all sessions of the run.</summary>
    public double ElapsedSeconds { get; set; }

    /// <summary>Thousands of images shown.</summary>
    public double Kimg => ImagesSeen / 1000.0;

    /// <summary>Writes every field.</summary>
    public void Write(BinaryWriter w)
    {
        w.Write(ImagesSeen); w.Write(Step); w.Write(Phase); w.Write(AugmentP); w.Write(RngState);
        w.Write(AdaSum); w.Write(AdaCount); w.Write(ElapsedSeconds);
    }

    /// <summary>Reads what <see cref="Write"/> wrote.</summary>
    public static TrainingCounters Read(BinaryReader r) => new()
    {
        ImagesSeen = r.ReadInt64(), Step = r.ReadInt64(), Phase = r.ReadInt32(), AugmentP = r.ReadDouble(),
        RngState = r.ReadUInt64(), AdaSum = r.ReadDouble(), AdaCount = r.ReadInt32(), ElapsedSeconds = r.ReadDouble(),
    };
}
