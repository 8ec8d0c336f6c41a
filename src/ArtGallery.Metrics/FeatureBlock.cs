namespace ArtGallery.Metrics;

/// <summary>A named slice [Offset, Offset + Length) of the feature vector.</summary>
public sealed record FeatureBlock(string Name, int Offset, int Length);
