using ArtGallery.Gan.Conditioning;

namespace ArtGallery.Gan.Recipes.Conditioned;

/// <summary>Loss of the conditioned recipe.</summary>
public enum ConditionedLoss
{
    /// <summary>Non-saturating logistic loss with lazy R1 on reals (progan's).</summary>
    Logistic,

    /// <summary>Relativistic pairing (RpGAN) with R1 on reals and R2 on fakes (R3GAN, Huang et al. 2024).</summary>
    RpGan,
}

/// <summary>The space in which D's reals are a condition's nearest neighbours.</summary>
public enum NeighbourSpace
{
    /// <summary>The condition's own descriptor (palette and 8x8 luminance layout).</summary>
    Descriptor,

    /// <summary>The descriptor plus the composition: ResNet-18 pool features of the greyscale picture (<see cref="CompositionNeighbours"/>).
    /// Descriptor neighbours mix kinds of picture (a grid's nearest is a dot field: docs/lab/2026-12-07-condition-neighbours.md).</summary>
    Composition,
}

/// <summary>
/// Settings of the conditioned recipe (instance conditioning, Casanova et al. 2021): G and D see a descriptor of one
/// collection picture (its palette and its colour-free composition); D's reals are that picture's nearest neighbours.
/// </summary>
public sealed record ConditionedOptions
{
    /// <summary>Pictures of the collection the model was trained on; set from the dataset when a run starts (0 before).</summary>
    public int CollectionSize { get; init; }

    /// <summary>D's real examples for a condition: one of its k nearest collection pictures in descriptor space (itself included).</summary>
    public int Neighbours { get; init; } = 5;

    /// <summary>Where those neighbours are nearest (stored runs without the setting: <see cref="NeighbourSpace.Descriptor"/>).</summary>
    public NeighbourSpace NeighboursBy { get; init; }

    /// <summary>Values of the condition's composition part (<see cref="CompositionCondition"/>: the top principal components of
    /// the pictures' greyscale ResNet-18 features) after the palette and layout; 0 (stored runs without the setting): none.</summary>
    public int CompositionSize { get; init; }

    /// <summary>Length of the condition G and D read: the descriptor, then the composition part.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public int ConditionSize => ConditionDescriptor.Size + CompositionSize;

    /// <summary>Width of the learned condition embedding in G and D (a multiple of 16).</summary>
    public int EmbeddingSize { get; init; } = 64;

    /// <summary>The loss (A/B in BENCHMARKS.md).</summary>
    public ConditionedLoss Loss { get; init; } = ConditionedLoss.Logistic;

    /// <summary>Weight of R1 (and R2 for RpGAN); null: progan's auto gamma.</summary>
    public double? Gamma { get; init; }

    /// <summary>Mode seeking (Mao et al. 2019) between two latents drawn for the same condition; 0: off. Without it G learns to
    /// ignore its latent for a condition and draws copies (ENGINE.md, "Conditioned recipe").</summary>
    public double ModeSeekingWeight { get; init; }

    /// <summary>Weight of G's condition-consistency term (<see cref="ConditionConsistency"/>): the squared descriptor distance
    /// between each sample and the picture it was drawn for; 0: off. It keeps "more like this" on its picture.</summary>
    public double ConsistencyWeight { get; init; }

    /// <summary>Weight of G's edge term (<see cref="Training.GanLosses.EdgeDistribution"/>): each sample's neighbouring-pixel
    /// steps should be distributed as its paired real's, so edges come out as crisp as the paintings'; 0: off.</summary>
    public double EdgeWeight { get; init; }

    /// <summary>How an artwork seed picks its collection picture. New runs walk a shuffle (no picture twice in a gallery page);
    /// runs saved before the setting existed read as <see cref="CollectionSeedOrder.Hashed"/> (ConditionedRecipe.ReadStored).</summary>
    public CollectionSeedOrder SeedOrder { get; init; } = CollectionSeedOrder.Shuffled;

    /// <summary>The longest composition part a condition may have.</summary>
    public const int MaxCompositionSize = CompositionCondition.MaxSize;

    /// <summary>The largest collection a model carries (descriptors and thumbnails live in the model file).</summary>
    public const int MaxCollection = 20_000;
}
