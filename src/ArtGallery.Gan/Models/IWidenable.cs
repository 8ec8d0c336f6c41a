using ArtGallery.Gan.Training;
using TorchSharp;

namespace ArtGallery.Gan.Models;

/// <summary>A network that can take over a narrower one of its kind (more channels in some stages, nothing else changed)
/// and compute the same function, so a trained run can grow its capacity without starting over (train --resume --widen).</summary>
public interface IWidenable
{
    /// <summary>Loads <paramref name="narrow"/>'s weights, widened; <paramref name="random"/> splits the duplicated channels' weights.</summary>
    void LoadWidened(torch.nn.Module narrow, GanRandom random);
}
