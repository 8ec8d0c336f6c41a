namespace ArtGallery.Metrics;

/// <summary>Settings for <see cref="Evaluator"/>; the defaults are the ones the README documents.</summary>
public sealed record EvaluationOptions
{
    /// <summary>Most real images used (a seeded random subset beyond this); split into two equal halves.</summary>
    public int MaxRealImages { get; init; } = 1000;

    /// <summary>k of the k-NN manifolds for precision and recall.</summary>
    public int K { get; init; } = 3;

    /// <summary>Number of k-means bins for the NDB test.</summary>
    public int Bins { get; init; } = BinCoverage.DefaultBins;

    /// <summary>Significance level of the per-bin z-test.</summary>
    public double Alpha { get; init; } = 0.05;

    /// <summary>Percentile of real nearest-neighbour distances that sets the duplicate threshold.</summary>
    public double DuplicatePercentile { get; init; } = NearDuplicates.DefaultPercentile;

    /// <summary>Factor applied to that percentile.</summary>
    public double DuplicateFactor { get; init; } = NearDuplicates.DefaultFactor;

    /// <summary>Weight per feature block (order of <see cref="FeatureExtractor.Blocks"/>); null = the documented defaults.</summary>
    public IReadOnlyList<double>? BlockWeights { get; init; }

    /// <summary>Seed for the real subset, the halves and k-means.</summary>
    public int Seed { get; init; }

    /// <summary>When set, FD and KID are measured in these pretrained features (the CLI passes ResNet-18 pool
    /// features): CHW images in [-1, 1] at a resolution -> one vector each. See README.md for the caveat.</summary>
    public Func<IReadOnlyList<float[]>, int, float[][]>? PretrainedFeatures { get; init; }

    /// <summary>When set (built-in dataset), family coverage is measured with this classifier.</summary>
    public FamilyClassifier? FamilyClassifier { get; init; }
}
