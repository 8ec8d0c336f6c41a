namespace ArtGallery.Gan.Training;

/// <summary>Where training stands: phase index, name, resolution and fade-in alpha.</summary>
public readonly record struct PhaseInfo(int Phase, string Name, int Resolution, double Alpha);

/// <summary>The growth schedule: 4 px stabilise, then fade-in + stabilise for every doubling, the last one lasting
/// FinalKimg (seed: one phase with the same image budget).</summary>
public sealed class PhaseSchedule
{
    private readonly TrainingOptions options;
    private readonly long phaseImages;

    /// <summary>Builds the schedule for the options.</summary>
    public PhaseSchedule(TrainingOptions options)
    {
        this.options = options;
        phaseImages = Math.Max(1, (long)Math.Round(options.KimgPerPhase * 1000));
        int stages = (int)Math.Log2(options.MaxResolution) - 1;
        long finalImages = options.FinalKimg is { } final ? Math.Max(1, (long)Math.Round(final * 1000)) : phaseImages;
        // Seed and projected train directly at the target size, with the same image budget as progan.
        PhaseCount = options.Grows ? 2 * stages - 1 : 1;
        TotalImages = phaseImages * (2 * stages - 2) + finalImages;
    }

    /// <summary>Number of phases.</summary>
    public int PhaseCount { get; }

    /// <summary>Images shown over the whole run.</summary>
    public long TotalImages { get; }

    /// <summary>The phase after <paramref name="imagesSeen"/> images.</summary>
    public PhaseInfo At(long imagesSeen)
    {
        if (!options.Grows) return new PhaseInfo(0, "train", options.MaxResolution, 1);
        int phase = (int)Math.Min(imagesSeen / phaseImages, PhaseCount - 1);
        if (phase == 0) return new PhaseInfo(0, "stabilise", 4, 1);
        int resolution = 4 << ((phase + 1) / 2);
        if (phase % 2 == 0) return new PhaseInfo(phase, "stabilise", resolution, 1);
        double alpha = Math.Clamp((imagesSeen - (long)phase * phaseImages) / (double)phaseImages, 0, 1);
        return new PhaseInfo(phase, "fade-in", resolution, alpha);
    }
}
