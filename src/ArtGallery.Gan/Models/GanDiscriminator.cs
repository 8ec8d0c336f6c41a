using static TorchSharp.torch;

namespace ArtGallery.Gan.Models;

/// <summary>A discriminator that scores images at its current resolution and fade-in alpha.</summary>
public abstract class GanDiscriminator : nn.Module<Tensor, Tensor>
{
    /// <summary>Creates the module with a TorchSharp name.</summary>
    protected GanDiscriminator(string name) : base(name) { }

    /// <summary>Resolution of the images it scores.</summary>
    public int Resolution { get; set; } = 4;

    /// <summary>Fade-in weight of the newest block.</summary>
    public double Alpha { get; set; } = 1;

    /// <summary>Analytic FLOPs of one forward pass for one image at a resolution.</summary>
    public abstract double ForwardFlops(int resolution);
}
