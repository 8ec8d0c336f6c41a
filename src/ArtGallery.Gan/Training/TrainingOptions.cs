using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace ArtGallery.Gan.Training;

/// <summary>Which architecture and training recipe a run uses.</summary>
public enum GanRecipe
{
    /// <summary>Progressive GAN with equalized LR, pixel norm, minibatch stddev, EMA, R1/WGAN-GP, DiffAugment.</summary>
    ProGan,

    /// <summary>The seed post's DCGAN-style networks, BCE + Adam 2e-4/0.5, trained directly at the target resolution.</summary>
    Seed,

    /// <summary>Projected GAN: frozen ImageNet ResNet-18 features, frozen random mixing, trainable heads, hinge loss,
    /// progan's generator trained directly at the target resolution.</summary>
    Projected,

    /// <summary>Instance-conditioned progressive GAN: G and D see a collection picture's palette and composition, D's reals
    /// are its nearest neighbours, so sampling covers the collection by construction.</summary>
    Conditioned,
}

/// <summary>Loss of the progan recipe (the seed recipe always uses BCE).</summary>
public enum GanLoss
{
    /// <summary>Non-saturating logistic loss with an R1 penalty on real images.</summary>
    Logistic,

    /// <summary>WGAN-GP (lambda 10) with drift 0.001 on D(real)^2.</summary>
    WganGp,
}

/// <summary>Everything that defines a training run; serialised into run.json and every checkpoint.</summary>
public sealed record TrainingOptions
{
    /// <summary>Architecture and recipe.</summary>
    public GanRecipe Recipe { get; init; } = GanRecipe.ProGan;

    /// <summary>Final resolution (power of two, 4..1024; the seed recipe needs 16+).</summary>
    public int MaxResolution { get; init; } = 32;

    /// <summary>Thousands of real images shown per phase (each fade-in and each stabilise).</summary>
    public double KimgPerPhase { get; init; } = 10;

    /// <summary>Kimg of the last phase (stabilise at the final resolution); null: <see cref="KimgPerPhase"/>.
    /// Grow quickly, then train long at full size, as ProGAN does with its open-ended last phase.</summary>
    public double? FinalKimg { get; init; }

    /// <summary>Channel width per resolution (progan); missing entries fall back to the nearest lower one.
    /// CPU default: 64/32/16 keeps a 32 px step near 1.4 GFLOP per image (128-wide was 5.5, ~4x slower); GPUs want ProGAN's 512.</summary>
    public Dictionary<int, int> Widths { get; init; } = new() { [4] = 64, [8] = 64, [16] = 64, [32] = 32, [64] = 16, [128] = 16, [256] = 8, [512] = 8, [1024] = 8 };

    /// <summary>Minibatch size per resolution; missing entries fall back to the nearest lower one.
    /// 16 (not ProGAN's 32+): on a CPU budget twice the updates per image beat bigger batches (BENCHMARKS.md, tuning).</summary>
    public Dictionary<int, int> BatchSizes { get; init; } = new() { [4] = 16, [256] = 8, [512] = 4 };

    /// <summary>Latent length for progan; 0 means the 4x4 width.</summary>
    public int LatentSize { get; init; }

    /// <summary>Progan loss.</summary>
    public GanLoss Loss { get; init; } = GanLoss.Logistic;

    /// <summary>R1 gamma; null uses the StyleGAN2-ADA auto formula 0.0002 * res^2 / batch.</summary>
    public double? R1Gamma { get; init; }

    /// <summary>Lazy R1: the penalty is applied every this many D steps (scaled up to match).</summary>
    public int R1Interval { get; init; } = 16;

    /// <summary>DiffAugment ops, comma separated: color, translation, cutout; empty disables augmentation; null: the
    /// recipe's (<see cref="EffectiveAugmentPolicy"/>).</summary>
    public string? AugmentPolicy { get; init; }

    /// <summary>The ops in use: <see cref="AugmentPolicy"/>, or all three, except for projected: its colour op (at p = 1)
    /// shifts every image's colours, and the settings that ended its collapse were measured without it (BENCHMARKS.md, issue 12);
    /// and conditioned: the condition names the colours, which a colour op would contradict.</summary>
    public string EffectiveAugmentPolicy => AugmentPolicy ?? (Recipe is GanRecipe.Projected or GanRecipe.Conditioned ? "translation,cutout" : "color,translation,cutout");

    /// <summary>Augmentation probability per op and sample: fixed, or the starting value when ADA is on.</summary>
    public double AugmentP { get; init; }

    /// <summary>ADA target for r_t = mean(sign(D(real))); null keeps p fixed.</summary>
    public double? AdaTarget { get; init; } = 0.6;

    /// <summary>Kimg for p to travel 0 -> 1 (StyleGAN2-ADA uses 500; CPU runs are far shorter).</summary>
    public double AdaSpeedKimg { get; init; } = 100;

    /// <summary>G EMA half-life in kimg; null uses batch * 10 / 32. 0 copies G exactly (no averaging).</summary>
    public double? EmaHalfLifeKimg { get; init; }

    /// <summary>EMA ramp-up: the half-life is at most this fraction of the images seen so far.</summary>
    public double EmaRampup { get; init; } = 0.05;

    /// <summary>Adam learning rate; null: 0.002 for progan (StyleGAN2's; chosen by the tuning runs), 0.0002 for seed.</summary>
    public double? LearningRate { get; init; }

    /// <summary>Base random seed (weights, latents, batches, augmentation).</summary>
    public long Seed { get; init; }

    /// <summary>torch.set_num_threads value; 0 leaves the default.</summary>
    public int Threads { get; init; } = 2;

    /// <summary>Stop (with a checkpoint) after this many minutes; null means no time budget.</summary>
    public double? Minutes { get; init; }

    /// <summary>Checkpoint (and sample grid) every this many kimg.</summary>
    public double CheckpointKimg { get; init; } = 5;

    /// <summary>Sample grid every this many kimg (also written at each checkpoint).</summary>
    public double SampleKimg { get; init; } = 5;

    /// <summary>Collapse probe every this many kimg; 0 disables it.</summary>
    public double DiversityKimg { get; init; } = 2;

    /// <summary>CollapseWarning fires when fake/real diversity falls below this.</summary>
    public double CollapseThreshold { get; init; } = 0.5;

    /// <summary>Progress is reported every this many steps.</summary>
    public int ProgressEverySteps { get; init; } = 5;

    /// <summary>How many checkpoints to keep.</summary>
    public int KeepCheckpoints { get; init; } = 3;

    /// <summary>"auto", "cpu" or "cuda".</summary>
    public string Device { get; init; } = "auto";

    /// <summary>Settings of the projected recipe.</summary>
    public ProjectedOptions Projected { get; init; } = new();

    /// <summary>Settings of the conditioned recipe.</summary>
    public ConditionedOptions Conditioned { get; init; } = new();

    /// <summary>Seed recipe GEN_INPUT_SIZE.</summary>
    public int SeedLatentSize { get; init; } = 100;

    /// <summary>Seed recipe N_GEN_CHANNELS.</summary>
    public int SeedGenChannels { get; init; } = 64;

    /// <summary>Seed recipe N_DISC_CHANNELS.</summary>
    public int SeedDiscChannels { get; init; } = 64;

    /// <summary>Seed recipe minibatch (the post gives none; 32 as in every baseline run so far).</summary>
    public int SeedBatchSize { get; init; } = 32;

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, Converters = { new JsonStringEnumConverter() } };

    /// <summary>Serialises to indented JSON (enums as names).</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>
    /// Parses JSON written by <see cref="ToJson"/>. A run saved with the default learning rate keeps the rate it
    /// trained with (its stored EffectiveLearningRate), so a changed default never alters a resumed run; an old
    /// run's augmentation was always stored, and an old projected run gets the heads it had.
    /// </summary>
    public static TrainingOptions FromJson(string json)
    {
        var options = JsonSerializer.Deserialize<TrainingOptions>(json, Json) ?? throw new InvalidDataException("Empty options.");
        if (options.LearningRate is null && JsonNode.Parse(json)?["EffectiveLearningRate"] is JsonValue stored
            && stored.GetValue<double>() != options.EffectiveLearningRate)
            options = options with { LearningRate = stored.GetValue<double>() };
        // A projected run saved before the spread and pixel head existed (its stored options have no
        // EffectiveAugmentPolicy yet) keeps the discriminator it was built with; a hand-written file gets today's.
        var node = JsonNode.Parse(json) as JsonObject;
        bool savedBefore = node?.ContainsKey(nameof(EffectiveLearningRate)) == true && !node.ContainsKey(nameof(EffectiveAugmentPolicy));
        if (options.Recipe == GanRecipe.Projected && savedBefore && node?["Projected"] is JsonObject saved)
            options = options with
            {
                Projected = options.Projected with
                {
                    MinibatchStdDev = saved.ContainsKey(nameof(ProjectedOptions.MinibatchStdDev)) && options.Projected.MinibatchStdDev,
                    PixelHeadSize = saved.ContainsKey(nameof(ProjectedOptions.PixelHeadSize)) ? options.Projected.PixelHeadSize : 0,
                },
            };
        return options;
    }

    /// <summary>Throws <see cref="ArgumentException"/> with a clear message for invalid values.</summary>
    public void Validate()
    {
        if (MaxResolution < 4 || MaxResolution > 1024 || (MaxResolution & (MaxResolution - 1)) != 0)
            throw new ArgumentException($"Max resolution must be a power of two in 4..1024, got {MaxResolution}.");
        if (!Enum.IsDefined(Recipe)) throw new ArgumentException($"Unknown recipe {(int)Recipe}.");
        if (Recipe == GanRecipe.Projected)
        {
            // The feature network needs 32 px inputs; a larger input scale lets a smaller generator reach them.
            if (MaxResolution * Projected.InputScale < 32)
                throw new ArgumentException("The projected recipe needs a resolution of 32 or more (or a larger input scale).");
            Projected.Validate(BatchAt(MaxResolution));
        }
        else if (GanRecipes.ResolutionProblem(Recipe, MaxResolution) is { } tooSmall) throw new ArgumentException(tooSmall);
        if (Recipe == GanRecipe.Conditioned) Conditioned.Validate();
        if (KimgPerPhase <= 0) throw new ArgumentException("Kimg per phase must be positive.");
        if (FinalKimg is <= 0) throw new ArgumentException("Final kimg must be positive.");
        if (Threads < 0) throw new ArgumentException("Threads must be 0 (default) or positive.");
        if (Minutes is <= 0) throw new ArgumentException("Minutes must be positive.");
        if (CheckpointKimg <= 0 || SampleKimg <= 0) throw new ArgumentException("Checkpoint and sample cadence must be positive.");
        if (AugmentP is < 0 or > 1) throw new ArgumentException("Augment p must be in [0, 1].");
        if (Widths.Count == 0 || !Widths.ContainsKey(4) || Widths.Values.Any(w => w < 1)) throw new ArgumentException("Widths need a positive entry for 4.");
        if (SeedBatchSize < 1) throw new ArgumentException("Seed batch size must be positive.");
        if (BatchSizes.Count == 0 || !BatchSizes.ContainsKey(4) || BatchSizes.Values.Any(b => b < 1)) throw new ArgumentException("Batch sizes need a positive entry for 4.");
        foreach (var op in AugmentOps)
            if (op is not ("color" or "translation" or "cutout")) throw new ArgumentException($"Unknown augmentation '{op}'.");
        _ = DeviceSelector.Validate(Device);
    }

    /// <summary>Parsed augmentation ops.</summary>
    [JsonIgnore]
    public IReadOnlyList<string> AugmentOps =>
        EffectiveAugmentPolicy.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Width at a resolution.</summary>
    public int WidthAt(int resolution) => Lookup(Widths, resolution);

    /// <summary>Minibatch size at a resolution.</summary>
    public int BatchAt(int resolution) => Recipe == GanRecipe.Seed ? SeedBatchSize : Lookup(BatchSizes, resolution);

    /// <summary>Effective latent size.</summary>
    public int EffectiveLatentSize => Recipe == GanRecipe.Seed ? SeedLatentSize : LatentSize > 0 ? LatentSize : WidthAt(4);

    /// <summary>Effective learning rate: 2e-3 for progan and projected, whose generator has equalized-LR layers (the
    /// paper's 2e-4 left it all but unmoving in a CPU budget: BENCHMARKS.md, issue 12), 2e-4 for seed.</summary>
    public double EffectiveLearningRate => LearningRate ?? (Recipe == GanRecipe.Seed ? 2e-4 : 2e-3);

    /// <summary>Whether the recipe grows from 4x4 (progan) or trains directly at the target resolution.</summary>
    [JsonIgnore]
    public bool Grows => Recipe is GanRecipe.ProGan or GanRecipe.Conditioned;

    /// <summary>Adam betas of the recipe: (0, 0.99) progan and projected, (0.5, 0.999) seed.</summary>
    public (double Beta1, double Beta2) Betas => Recipe == GanRecipe.Seed ? (0.5, 0.999) : (0.0, 0.99);

    /// <summary>R1 gamma at a resolution.</summary>
    public double R1GammaAt(int resolution) => R1Gamma ?? 0.0002 * resolution * resolution / BatchAt(resolution);

    /// <summary>EMA half-life in kimg at a resolution (the seed recipe has no EMA as published: 0).</summary>
    public double EmaHalfLifeAt(int resolution) => EmaHalfLifeKimg ?? (Recipe == GanRecipe.Seed ? 0 : BatchAt(resolution) * 10.0 / 32);

    private static int Lookup(Dictionary<int, int> table, int resolution)
    {
        int best = -1, value = 0;
        foreach (var (res, v) in table)
            if (res <= resolution && res > best) (best, value) = (res, v);
        return best < 0 ? table[table.Keys.Min()] : value;
    }
}
