namespace ArtGallery.Gan.Training;

/// <summary>Loss of the conditioned recipe.</summary>
public enum ConditionedLoss
{
    /// <summary>Non-saturating logistic loss with lazy R1 on reals (progan's).</summary>
    Logistic,

    /// <summary>Relativistic pairing (RpGAN) with R1 on reals and R2 on fakes (R3GAN, Huang et al. 2024).</summary>
    RpGan,
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

    /// <summary>Width of the learned condition embedding in G and D (a multiple of 16).</summary>
    public int EmbeddingSize { get; init; } = 64;

    /// <summary>The loss (A/B in BENCHMARKS.md).</summary>
    public ConditionedLoss Loss { get; init; } = ConditionedLoss.Logistic;

    /// <summary>Weight of R1 (and R2 for RpGAN); null: progan's auto gamma.</summary>
    public double? Gamma { get; init; }

    /// <summary>Throws <see cref="ArgumentException"/> for values the recipe cannot run with.</summary>
    public void Validate()
    {
        if (CollectionSize < 0 || CollectionSize > MaxCollection) throw new ArgumentException($"Collection size must be 0..{MaxCollection}.");
        if (Neighbours < 1 || Neighbours > 256) throw new ArgumentException("Neighbours must be 1..256.");
        // Rows of a multiple of 16 floats (64 bytes): CPU BLAS on narrower rows gave alignment-dependent last bits,
        // which broke bit-exact resume (measured with 8).
        if (EmbeddingSize < 16 || EmbeddingSize > 1024 || EmbeddingSize % 16 != 0) throw new ArgumentException("Embedding size must be a multiple of 16 in 16..1024.");
        if (!Enum.IsDefined(Loss)) throw new ArgumentException($"Unknown conditioned loss {(int)Loss}.");
        if (Gamma is < 0) throw new ArgumentException("Gamma must not be negative.");
    }

    /// <summary>The largest collection a model carries (descriptors and thumbnails live in the model file).</summary>
    public const int MaxCollection = 20_000;
}
