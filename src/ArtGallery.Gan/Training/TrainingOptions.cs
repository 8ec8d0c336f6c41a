using ArtGallery.Gan.Recipes.Conditioned;
using ArtGallery.Gan.Recipes.Projected;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace ArtGallery.Gan.Training;

/// <summary>Which architecture and training recipe a run uses.</summary>
public enum GanRecipe
{
    /// <summary>Progressive GAN with equalized LR, pixel norm, minibatch stddev, EMA, R1/WGAN-GP, DiffAugment.</summary>
    ProGan,

    /// <summary>The seed post's DCGAN-style networks, BCE + Adam 2e-4/0.5, trained directly at the target resolution.
    /// Stored as "Seed" by older builds (options files and run folders): read as this (<see cref="GanRecipeJsonConverter"/>).</summary>
    Dcgan,

    /// <summary>Projected GAN: frozen ImageNet ResNet-18 features, frozen random mixing, trainable heads, hinge loss,
    /// progan's generator trained directly at the target resolution.</summary>
    Projected,

    /// <summary>Instance-conditioned progressive GAN: G and D see a collection picture's palette and composition, D's reals
    /// are its nearest neighbours, so sampling covers the collection by construction.</summary>
    Conditioned,
}

/// <summary>Loss of the progan recipe (the dcgan recipe always uses BCE).</summary>
public enum GanLoss
{
    /// <summary>Non-saturating logistic loss with an R1 penalty on real images.</summary>
    Logistic,

    /// <summary>WGAN-GP (lambda 10) with drift 0.001 on D(real)^2.</summary>
    WganGp,
}

/// <summary>
/// Everything that defines a training run, as plain data: serialised into run.json and every checkpoint. The values left
/// unset fall back to the recipe's defaults (<see cref="Recipes.IGanRecipe"/>); checks live with the recipe
/// (<see cref="GanRecipes.Validate"/>).
/// </summary>
public sealed record TrainingOptions
{
    /// <summary>The version written by this build. 1: every file written before the field existed (read as 1);
    /// 2: the recipe seam (the DCGAN recipe stored as "Dcgan", no longer "Seed").</summary>
    public const int CurrentVersion = 2;

    /// <summary>The options format this was read from (see <see cref="CurrentVersion"/>); <see cref="ToJson"/> always writes
    /// today's format, so it writes <see cref="CurrentVersion"/>.</summary>
    public int Version { get; init; } = CurrentVersion;

    /// <summary>Architecture and recipe.</summary>
    [JsonConverter(typeof(GanRecipeJsonConverter))]
    public GanRecipe Recipe { get; init; } = GanRecipe.ProGan;

    /// <summary>Final resolution (power of two, 4..1024; the dcgan recipe needs 16+).</summary>
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

    /// <summary>The ops in use: <see cref="AugmentPolicy"/>, or the recipe's default. Stored in the file (older projected runs
    /// are recognised by its absence).</summary>
    public string EffectiveAugmentPolicy => AugmentPolicy ?? Definition.DefaultAugmentPolicy;

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

    /// <summary>Adam learning rate; null: the recipe's (0.002 for progan, StyleGAN2's, chosen by the tuning runs; 0.0002 for dcgan).</summary>
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

    // The dcgan settings keep the names older builds stored them under (the recipe was called "seed").

    /// <summary>Dcgan recipe GEN_INPUT_SIZE.</summary>
    [JsonPropertyName("SeedLatentSize")]
    public int DcganLatentSize { get; init; } = 100;

    /// <summary>Dcgan recipe N_GEN_CHANNELS.</summary>
    [JsonPropertyName("SeedGenChannels")]
    public int DcganGenChannels { get; init; } = 64;

    /// <summary>Dcgan recipe N_DISC_CHANNELS.</summary>
    [JsonPropertyName("SeedDiscChannels")]
    public int DcganDiscChannels { get; init; } = 64;

    /// <summary>Dcgan recipe minibatch (the post gives none; 32 as in every baseline run so far).</summary>
    [JsonPropertyName("SeedBatchSize")]
    public int DcganBatchSize { get; init; } = 32;

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, Converters = { new JsonStringEnumConverter() } };

    private Recipes.IGanRecipe Definition => GanRecipes.Of(Recipe);

    /// <summary>Serialises to indented JSON (enums as names) in today's format.</summary>
    public string ToJson() => JsonSerializer.Serialize(this with { Version = CurrentVersion }, Json);

    /// <summary>
    /// Parses JSON written by <see cref="ToJson"/> (by this build or an older one: a file without a version is version 1).
    /// A run saved with the default learning rate keeps the rate it trained with (its stored EffectiveLearningRate), so a
    /// changed default never alters a resumed run; the recipe reads what older builds stored of its own settings.
    /// </summary>
    public static TrainingOptions FromJson(string json)
    {
        var options = JsonSerializer.Deserialize<TrainingOptions>(json, Json) ?? throw new InvalidDataException("Empty options.");
        var node = JsonNode.Parse(json) as JsonObject;
        if (node?.ContainsKey(nameof(Version)) != true) options = options with { Version = 1 };
        if (options.LearningRate is null && node?[nameof(EffectiveLearningRate)] is JsonValue stored
            && stored.GetValue<double>() != options.EffectiveLearningRate)
            options = options with { LearningRate = stored.GetValue<double>() };
        return node is null ? options : options.Definition.ReadStored(options, node);
    }

    /// <summary>Parsed augmentation ops.</summary>
    [JsonIgnore]
    public IReadOnlyList<string> AugmentOps =>
        EffectiveAugmentPolicy.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Width at a resolution.</summary>
    public int WidthAt(int resolution) => Lookup(Widths, resolution);

    /// <summary>Minibatch size at a resolution (the recipe's rule).</summary>
    public int BatchAt(int resolution) => Definition.BatchAt(this, resolution);

    /// <summary>The progan batch table's entry at a resolution.</summary>
    internal int BatchTableAt(int resolution) => Lookup(BatchSizes, resolution);

    /// <summary>Effective latent size (the recipe's rule).</summary>
    public int EffectiveLatentSize => Definition.LatentSize(this);

    /// <summary>Effective learning rate: <see cref="LearningRate"/> or the recipe's default. Stored in the file.</summary>
    public double EffectiveLearningRate => LearningRate ?? Definition.DefaultLearningRate;

    /// <summary>Whether the recipe grows from 4x4 (progan) or trains directly at the target resolution.</summary>
    [JsonIgnore]
    public bool Grows => Definition.Grows;

    /// <summary>Adam betas of the recipe.</summary>
    public (double Beta1, double Beta2) Betas => Definition.Betas;

    /// <summary>R1 gamma at a resolution.</summary>
    public double R1GammaAt(int resolution) => R1Gamma ?? 0.0002 * resolution * resolution / BatchAt(resolution);

    /// <summary>EMA half-life in kimg at a resolution: <see cref="EmaHalfLifeKimg"/> or the recipe's default.</summary>
    public double EmaHalfLifeAt(int resolution) => EmaHalfLifeKimg ?? Definition.DefaultEmaHalfLifeAt(this, resolution);

    private static int Lookup(Dictionary<int, int> table, int resolution)
    {
        int best = -1, value = 0;
        foreach (var (res, v) in table)
            if (res <= resolution && res > best) (best, value) = (res, v);
        return best < 0 ? table[table.Keys.Min()] : value;
    }
}
