using ArtGallery.Gan.Models;
using ArtGallery.Gan.Layers;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ArtGallery.Gan.Recipes.Dcgan;

/// <summary>The seed post's Generator, as published: ConvTranspose2d stack, shared BatchNorm layers, ReLU, Tanh.</summary>
public sealed class DcganGenerator : GanGenerator
{
    private readonly ModuleList<ConvTranspose2d> layers = new();
    private readonly HeldBatchNorm2d batch1;
    private readonly HeldBatchNorm2d batch2;
    private readonly int genInput;
    private readonly int genChannels;

    /// <summary>n_layers = log2(resolution) - 1 as in the post (32 px -> 4 layers); GEN_INPUT_SIZE 100, N_GEN_CHANNELS 64 by default.</summary>
    public DcganGenerator(int resolution, int genInputSize = 100, int genChannels = 64) : base(nameof(DcganGenerator))
    {
        if (Training.GanRecipes.ResolutionProblem(Training.GanRecipe.Dcgan, resolution) is { } tooSmall) throw new ArgumentOutOfRangeException(nameof(resolution), tooSmall);
        genInput = genInputSize;
        this.genChannels = genChannels;
        MaxResolution = resolution;
        Resolution = resolution;
        int nLayers = (int)Math.Log2(resolution) - 1;
        layers.Add(nn.ConvTranspose2d(genInputSize, genChannels * 2, 4, 1, 0, bias: false));
        for (int i = 0; i < nLayers - 3; i++) layers.Add(nn.ConvTranspose2d(genChannels * 2, genChannels * 2, 4, 2, 1, bias: false));
        layers.Add(nn.ConvTranspose2d(genChannels * 2, genChannels, 4, 2, 1, bias: false));
        layers.Add(nn.ConvTranspose2d(genChannels, 3, 4, 2, 1, bias: false));
        batch1 = new HeldBatchNorm2d(genChannels);
        batch2 = new HeldBatchNorm2d(genChannels * 2);
        RegisterComponents();
        DcganInit.Apply(this);
    }

    /// <inheritdoc/>
    public override int LatentSize => genInput;

    /// <inheritdoc/>
    public override int CodeSize => genChannels * 2 * 16;

    /// <inheritdoc/>
    public override int MaxResolution { get; }

    /// <summary>The code is the first layer's 4x4 output after batch2 + ReLU, flattened.</summary>
    public override Tensor Code(Tensor latents)
    {
        using var scope = NewDisposeScope();
        return Apply(0, latents.reshape(-1, genInput, 1, 1)).flatten(1).MoveToOuterDisposeScope();
    }

    /// <inheritdoc/>
    public override Tensor Synthesize(Tensor codes)
    {
        using var scope = NewDisposeScope();
        var x = codes.reshape(-1, genChannels * 2, 4, 4);
        for (int i = 1; i < layers.Count; i++) x = Apply(i, x);
        return x.MoveToOuterDisposeScope();
    }

    // Mirrors the post's forward(): the activation is chosen by the layer's out_channels.
    private Tensor Apply(int i, Tensor x)
    {
        var y = layers[i].forward(x);
        long outChannels = layers[i].weight!.shape[1];
        if (outChannels == genChannels * 2) return nn.functional.relu(batch2.forward(y));
        if (outChannels == genChannels) return nn.functional.relu(batch1.forward(y));
        return y.tanh();
    }

    /// <inheritdoc/>
    public override double ForwardFlops(int resolution)
    {
        double flops = 0;
        int size = 1;
        foreach (var layer in layers)
        {
            var w = layer.weight!.shape;
            size = size == 1 ? 4 : size * 2;
            // A transposed conv does Cin*Cout*k*k MACs per input pixel.
            flops += 2.0 * w[0] * w[1] * w[2] * w[3] * (size == 4 ? 1 : size * size / 4);
        }
        return flops;
    }
}
