using System.Text.Json.Nodes;
using ArtGallery.Gan.Models;
using ArtGallery.Gan.Training;
using ArtGallery.Imaging;

namespace ArtGallery.Gan.Recipes;

/// <summary>
/// A training recipe: one folder under Recipes/ behind this interface. It owns its name and aliases, its defaults (what
/// an option left unset means), its option checks, its networks, its training step and what older builds stored of its
/// settings. <see cref="GanSession"/> owns what every recipe shares: the loop, the EMA copy, the optimisers, the
/// counters and RNG, and the checkpoint cadence; it calls the recipe for the rest. To add one: a folder with a class
/// derived from <see cref="GanRecipeBase"/> and a <see cref="RecipeStep"/>, an enum value and an entry in
/// <see cref="GanRecipes"/> (docs/ARCHITECTURE.md, "The recipe seam").
/// </summary>
internal interface IGanRecipe
{
    /// <summary>Name, aliases, description and smallest resolution, as people see them.</summary>
    RecipeInfo Info { get; }

    /// <summary>True when it grows from 4 px (fade-in phases); false trains at the target resolution from the start.</summary>
    bool Grows { get; }

    /// <summary>True when its networks hold batch-norm statistics, which a non-finite pass can poison (reset after each step).</summary>
    bool HasBatchNorm { get; }

    /// <summary>DiffAugment ops when the options name none.</summary>
    string DefaultAugmentPolicy { get; }

    /// <summary>Adam learning rate when the options name none.</summary>
    double DefaultLearningRate { get; }

    /// <summary>Adam betas.</summary>
    (double Beta1, double Beta2) Betas { get; }

    /// <summary>Minibatch size at a resolution.</summary>
    int BatchAt(TrainingOptions options, int resolution);

    /// <summary>Length of the generator's latent.</summary>
    int LatentSize(TrainingOptions options);

    /// <summary>G EMA half-life in kimg when the options name none (0: no averaging).</summary>
    double DefaultEmaHalfLifeAt(TrainingOptions options, int resolution);

    /// <summary>Throws <see cref="ArgumentException"/> with a clear message for options it cannot train or load.</summary>
    void Validate(TrainingOptions options);

    /// <summary>The options as parsed, corrected for what an older build stored of this recipe's settings
    /// (<paramref name="stored"/>: the JSON as written).</summary>
    TrainingOptions ReadStored(TrainingOptions options, JsonObject stored);

    /// <summary>The width of the generator's feature maps at 4, 8, ... px up to the target: checked from a model file's
    /// options before any network is built (<see cref="Checkpoints.ModelLimits"/>).</summary>
    IReadOnlyList<(int Resolution, int Width)> GeneratorLayers(TrainingOptions options);

    /// <summary>A lower bound of the generator's weights (biases, norms and headers left out): a model file must hold at
    /// least 4 bytes for each, so a network never outgrows its file.</summary>
    long GeneratorWeightsAtLeast(TrainingOptions options);

    /// <summary>The generator the options describe (all growth stages built up front).</summary>
    GanGenerator CreateGenerator(TrainingOptions options);

    /// <summary>The discriminator the options describe.</summary>
    GanDiscriminator CreateDiscriminator(TrainingOptions options);

    /// <summary>The step of one session on <paramref name="dataset"/>; its <see cref="RecipeStep.Options"/> are the options
    /// as trained (a conditioned run records its collection size). <paramref name="descriptorCache"/>: where a recipe that
    /// describes the dataset keeps those descriptors between runs (null: recompute).</summary>
    RecipeStep CreateStep(TrainingOptions options, IImageDataset dataset, string? descriptorCache);
}
