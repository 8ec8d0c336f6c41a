using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ArtGallery.Gan.Layers;

/// <summary>Conv2d with equalized learning rate: weights drawn from N(0,1), He constant applied at run time.</summary>
public sealed class EqualizedConv2d : nn.Module<Tensor, Tensor>
{
    private readonly Parameter weight;
    private readonly Parameter bias;
    private readonly long padding;

    /// <summary>Creates a square-kernel convolution with "same" padding.</summary>
    public EqualizedConv2d(long inChannels, long outChannels, long kernel, double gain = 1.4142135623730951)
        : base(nameof(EqualizedConv2d))
    {
        weight = new Parameter(randn(outChannels, inChannels, kernel, kernel));
        bias = new Parameter(zeros(outChannels));
        padding = kernel / 2;
        Scale = gain / Math.Sqrt(inChannels * kernel * kernel);
        InChannels = inChannels;
        OutChannels = outChannels;
        Kernel = kernel;
        scale = Scale.ToScalar();
        RegisterComponents();
    }

    private readonly Scalar scale; // held for the layer's life: a temporary could be freed mid-call (Scalars)

    /// <summary>The He constant multiplied into the weights on every forward pass.</summary>
    public double Scale { get; }

    /// <summary>Input channel count.</summary>
    public long InChannels { get; }

    /// <summary>Output channel count.</summary>
    public long OutChannels { get; }

    /// <summary>Kernel side.</summary>
    public long Kernel { get; }

    /// <summary>Multiply-add FLOPs (2 per MAC) of one forward pass on one image of the given size.</summary>
    public double Flops(int size) => 2.0 * InChannels * OutChannels * Kernel * Kernel * size * size;

    public override Tensor forward(Tensor input)
    {
        // Scaling at run time (not at init) keeps every layer's effective learning rate equal under Adam.
        using var w = weight.mul(scale);
        return nn.functional.conv2d(input, w, bias, padding: new[] { padding, padding });
    }

    /// <summary>Loads <paramref name="narrow"/>'s weights widened along <paramref name="outputs"/> and <paramref name="inputs"/>
    /// (identity maps copy them): the same function, more channels (<see cref="ChannelWidening"/>).</summary>
    internal void LoadWidened(EqualizedConv2d narrow, ChannelMap outputs, ChannelMap inputs, Training.GanRandom random)
    {
        if (narrow.Kernel != Kernel) throw new ArgumentException($"A {narrow.Kernel}x{narrow.Kernel} kernel cannot load into a {Kernel}x{Kernel} one.");
        ChannelWidening.Assign(weight, ChannelWidening.Weight(narrow.weight, weight.shape, outputs, inputs, narrow.Scale / Scale, random));
        ChannelWidening.Assign(bias, ChannelWidening.Bias(narrow.bias, outputs));
    }

    /// <summary>Loads <paramref name="narrow"/>'s weights unchanged.</summary>
    internal void LoadCopy(EqualizedConv2d narrow, Training.GanRandom random) =>
        LoadWidened(narrow, ChannelMap.Identity(OutChannels), ChannelMap.Identity(InChannels), random);

    protected override void Dispose(bool disposing)
    {
        if (disposing) scale.Dispose();
        base.Dispose(disposing);
    }
}
