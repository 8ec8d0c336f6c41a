using ArtGallery.Imaging;

namespace ArtGallery.Metrics.Tests;

/// <summary>A dataset over images already in memory, at one fixed resolution.</summary>
internal sealed class ListDataset(IReadOnlyList<float[]> images, int resolution, string name = "list") : IImageDataset
{
    public string Name => name;

    public int Count => images.Count;

    public void Read(int index, int res, Span<float> destination)
    {
        if (res != resolution) throw new ArgumentException("This test dataset has one resolution.");
        images[index].CopyTo(destination);
    }
}
