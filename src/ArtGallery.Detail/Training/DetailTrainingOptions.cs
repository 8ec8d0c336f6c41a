using ArtGallery.Detail.Network;

namespace ArtGallery.Detail.Training;

/// <summary>Settings of one detail-model training run.</summary>
public sealed record DetailTrainingOptions
{
    /// <summary>Side of the generator's samples the model will serve (stored in the file and checked at use).</summary>
    public int GeneratorResolution { get; init; } = 64;

    /// <summary>Feature width of the net.</summary>
    public int Channels { get; init; } = 48;

    /// <summary>Residual blocks.</summary>
    public int Blocks { get; init; } = 6;

    /// <summary>Crops per step.</summary>
    public int Batch { get; init; } = 4;

    /// <summary>High-resolution crop side (a multiple of 4); the input is a quarter of it. 192 (48 px inputs) beat 96 at
    /// x16 in the session-20 A/B: fewer outputs near a zero-padded border (the net sees 19 input px around each).</summary>
    public int CropSize { get; init; } = 192;

    /// <summary>Peak Adam learning rate (cosine decay to a tenth of it over the run).</summary>
    public double LearningRate { get; init; } = 1e-3;

    /// <summary>Stop after this many steps (deterministic runs, tests); null: stop on <see cref="Minutes"/>.</summary>
    public int? Steps { get; init; }

    /// <summary>Wall-clock budget when <see cref="Steps"/> is null.</summary>
    public double Minutes { get; init; } = 10;

    /// <summary>Intra-op threads (0: leave torch's setting).</summary>
    public int Threads { get; init; }

    /// <summary>Seed of crops, degradations and initial weights.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>The calibrated degradation; training jitters around it (sigma x0.5..1.5, noise x0..2).</summary>
    public DegradationProfile Profile { get; init; } = DegradationProfile.Clean;

    /// <summary>Share of crops degraded by area downsampling only, so clean inputs (and the cascade's own outputs) stay in range.</summary>
    /// <remarks>0.6 beat 0.3 (session 20): fewer soft edges drawn hard, generator-like inputs as sharp as before.</remarks>
    public double CleanFraction { get; init; } = 0.6;

    /// <summary>High-resolution images held at once; one is replaced every <see cref="RefreshEvery"/> steps.</summary>
    public int PoolSize { get; init; } = 24;

    /// <summary>Steps between pool refreshes.</summary>
    public int RefreshEvery { get; init; } = 16;

    /// <summary>Steps between sample strips (LR | output | HR) in the progress reports; null: none.</summary>
    public int? SampleEvery { get; init; }

    /// <summary>A .agdetail to continue training (its architecture is kept; its steps and minutes add up); null: fresh weights.</summary>
    public string? ContinueFrom { get; init; }

    /// <summary>Which x4 pass this net is for (1: from the generator's side; 2, 3: on the output of <see cref="Previous"/>'s passes).</summary>
    public int Pass { get; init; } = 1;

    /// <summary>For pass k >= 2: the .agdetail whose passes 1..k-1 make the inputs; the trained model holds them plus the new net.</summary>
    public string? Previous { get; init; }

    /// <summary>Whether the net reads the condition planes (how degraded the cascade's start was); false: RGB only, as format 1.</summary>
    public bool Conditioned { get; init; } = true;

    /// <summary>Weight of the FFT-magnitude term added to L1 (0: L1 alone): the mean absolute difference of the orthonormal
    /// 2-D spectra's magnitudes, which rewards texture and edges at the right frequencies wherever their phase lands.</summary>
    public double FftWeight { get; init; }

    /// <summary>Weight of the feature term added to L1 (0: none): the offline ResNet-18's layer1 and layer2 taps of output and
    /// target, each tap's mean absolute difference relative to the target's mean magnitude (a perceptual loss, as SRGAN's on VGG).</summary>
    public double FeatureWeight { get; init; }

    /// <summary>Weight of the adversarial term added to L1 (0: none): softplus(-D(output)) against a spectral-norm U-Net
    /// discriminator trained beside the net (<see cref="AdversarialLoss"/>, as Real-ESRGAN's; not saved with the model).</summary>
    public double AdversarialWeight { get; init; }

    /// <summary>builtin:abstract only: the largest side (px) its paintings are painted at, from 4x the generator's side; null: 16x.
    /// At 4x exactly, pass 1 learns at the one scale a print meets: whole paintings the generator's size.</summary>
    public int? LargestPainting { get; init; }

    /// <summary>Device choice: auto, cpu or cuda.</summary>
    public string Device { get; init; } = "auto";

    /// <summary>Checks ranges; throws with a clear message.</summary>
    public DetailTrainingOptions Validated()
    {
        if (GeneratorResolution is < 4 or > 4096) throw new ArgumentOutOfRangeException(nameof(GeneratorResolution), GeneratorResolution, "Generator resolution must be 4..4096.");
        if (Channels is < 4 or > DetailNet.MaxChannels) throw new ArgumentOutOfRangeException(nameof(Channels), Channels, $"Channels must be 4..{DetailNet.MaxChannels}.");
        if (Blocks is < 1 or > DetailNet.MaxBlocks) throw new ArgumentOutOfRangeException(nameof(Blocks), Blocks, $"Blocks must be 1..{DetailNet.MaxBlocks}.");
        if (CropSize < 16 || CropSize % 4 != 0) throw new ArgumentOutOfRangeException(nameof(CropSize), CropSize, "Crop size must be a multiple of 4, at least 16.");
        if (Batch is < 1 or > 256) throw new ArgumentOutOfRangeException(nameof(Batch), Batch, "Batch must be 1..256.");
        if (SampleEvery is < 1) throw new ArgumentOutOfRangeException(nameof(SampleEvery), SampleEvery, "Sample interval must be positive.");
        if (Steps is < 1) throw new ArgumentOutOfRangeException(nameof(Steps), Steps, "Steps must be positive.");
        if (!(Minutes > 0)) throw new ArgumentOutOfRangeException(nameof(Minutes), Minutes, "Minutes must be positive.");
        if (PoolSize < 1 || RefreshEvery < 1) throw new ArgumentOutOfRangeException(nameof(PoolSize), "Pool size and refresh interval must be positive.");
        if (Pass is < 1 or > DetailModelInfo.MaxPasses) throw new ArgumentOutOfRangeException(nameof(Pass), Pass, $"Pass must be 1..{DetailModelInfo.MaxPasses}.");
        if (Pass > 1 && Previous is null) throw new ArgumentException($"Pass {Pass} trains on the output of passes 1..{Pass - 1}: give the model that has them (Previous).", nameof(Previous));
        if (!double.IsFinite(FftWeight) || FftWeight is < 0 or > 100) throw new ArgumentOutOfRangeException(nameof(FftWeight), FftWeight, "FFT weight must be 0..100.");
        if (!double.IsFinite(FeatureWeight) || FeatureWeight is < 0 or > 100) throw new ArgumentOutOfRangeException(nameof(FeatureWeight), FeatureWeight, "Feature weight must be 0..100.");
        if (!double.IsFinite(AdversarialWeight) || AdversarialWeight is < 0 or > 100)
            throw new ArgumentOutOfRangeException(nameof(AdversarialWeight), AdversarialWeight, "Adversarial weight must be 0..100.");
        Profile.Validated();
        return this;
    }
}

/// <summary>Progress of a detail training run; <see cref="Strip"/> is set on the reports that carry a sample.</summary>
public sealed record DetailProgress(int Step, double Elapsed, double Fraction, double Loss, double BicubicLoss, int SkippedSteps, DetailStrip? Strip = null)
{
    /// <summary>Seconds left at the current pace; null before any progress.</summary>
    public double? EtaSeconds => Step > 0 && Fraction is > 0 and < 1 ? Elapsed * (1 - Fraction) / Fraction : Fraction >= 1 ? 0 : null;
}

/// <summary>A sample of training so far: the input (nearest x4), the net's output and the high-resolution target side by side,
/// planar RGB in [-1, 1] (<see cref="ArtGallery.Imaging.PlanarRgb"/> turns it into an image).</summary>
public sealed record DetailStrip(float[] Chw, int Width, int Height);
