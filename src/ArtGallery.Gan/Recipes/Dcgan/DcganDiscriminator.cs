using ArtGallery.Gan.Models;
using ArtGallery.Gan.Layers;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ArtGallery.Gan.Recipes.Dcgan;

/// <summary>The seed post's Discriminator, as published: Conv2d stack, one shared BatchNorm, LeakyReLU 0.2, Sigmoid.</summary>
public sealed class DcganDiscriminator : GanDiscriminator
{
    private readonly ModuleList<Conv2d> layers = new();
    private readonly HeldBatchNorm2d batch2;
    private readonly int discChannels;

    /// <summary>n_layers = log2(resolution) - 1; N_DISC_CHANNELS 64 by default.</summary>
    public DcganDiscriminator(int resolution, int discChannels = 64) : base(nameof(DcganDiscriminator))
    {
        if (Training.GanRecipes.ResolutionProblem(Training.GanRecipe.Dcgan, resolution) is { } tooSmall) throw new ArgumentOutOfRangeException(nameof(resolution), tooSmall);
        this.discChannels = discChannels;
        Resolution = resolution;
        int nLayers = (int)Math.Log2(resolution) - 1;
        layers.Add(nn.Conv2d(3, discChannels * 2, 4, 2, 1, bias: false));
        for (int i = 0; i < nLayers - 2; i++) layers.Add(nn.Conv2d(discChannels * 2, discChannels * 2, 4, 2, 1, bias: false));
        layers.Add(nn.Conv2d(discChannels * 2, 1, 4, 1, 0, bias: false));
        batch2 = new HeldBatchNorm2d(discChannels * 2);
        RegisterComponents();
        DcganInit.Apply(this);
    }

    /// <summary>Images -> probabilities of "real" (N, 1) through the post's Sigmoid.</summary>
    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var x = input;
        for (int i = 0; i < layers.Count; i++)
        {
            x = layers[i].forward(x);
            if (i == 0) x = x.leaky_relu(Scalars.LeakySlope);
            else if (layers[i].weight!.shape[0] == discChannels * 2) x = batch2.forward(x).leaky_relu(Scalars.LeakySlope);
            else x = x.sigmoid();
        }
        return x.reshape(-1, 1).MoveToOuterDisposeScope();
    }

    /// <inheritdoc/>
    public override double ForwardFlops(int resolution)
    {
        double flops = 0;
        int size = resolution;
        foreach (var layer in layers)
        {
            var w = layer.weight!.shape;
            size = size == 4 ? 1 : size / 2;
            flops += 2.0 * w[0] * w[1] * w[2] * w[3] * size * size;
        }
        return flops;
    }
}
