namespace ArtGallery.Metrics;

/// <summary>Settings for <see cref="FamilyClassifier.Train(ArtGallery.Imaging.ILabelledDataset, int, FamilyTrainingOptions?)"/>.</summary>
public sealed record FamilyTrainingOptions
{
    /// <summary>Share of images held out (never trained on) to measure accuracy.</summary>
    public double HeldOutFraction { get; init; } = 0.2;

    /// <summary>Full-batch Adam iterations.</summary>
    public int Iterations { get; init; } = 300;

    /// <summary>Adam learning rate.</summary>
    public double LearningRate { get; init; } = 0.05;

    /// <summary>L2 weight decay (keeps weights small so unseen images are not classified over-confidently).</summary>
    public double L2 { get; init; } = 1e-3;

    /// <summary>Seed of the train / held-out split.</summary>
    public int Seed { get; init; }
}
