namespace ArtGallery.Metrics;

/// <summary>Thrown when a metric cannot be computed from the inputs given (too few images, wrong sizes).</summary>
public sealed class MetricsException(string message) : Exception(message);
