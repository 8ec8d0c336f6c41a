namespace ArtGallery.Imaging;

/// <summary>A set of training images, each readable at any square resolution.</summary>
public interface IImageDataset
{
    /// <summary>Human-readable name, e.g. "builtin:abstract" or a folder name.</summary>
    string Name { get; }

    /// <summary>Number of images.</summary>
    int Count { get; }

    /// <summary>
    /// Writes image <paramref name="index"/> at <paramref name="resolution"/> x <paramref name="resolution"/>
    /// into <paramref name="destination"/> as planar RGB (CHW, length 3*res*res) in [-1, 1].
    /// Implementations cache per resolution so training is not bound by decoding. Thread-safe.
    /// </summary>
    void Read(int index, int resolution, Span<float> destination);
}

/// <summary>A dataset whose images carry a known class label (the built-in families).</summary>
public interface ILabelledDataset : IImageDataset
{
    /// <summary>All label names, in a fixed order.</summary>
    IReadOnlyList<string> Labels { get; }

    /// <summary>Index into <see cref="Labels"/> of image <paramref name="index"/>.</summary>
    int LabelOf(int index);
}
