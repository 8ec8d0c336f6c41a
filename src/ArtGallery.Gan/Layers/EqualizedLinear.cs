using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ArtGallery.Gan.Layers;

/// <summary>Linear layer with equalized learning rate: N(0,1) weights scaled by gain/sqrt(fan-in) at run time.</summary>
public sealed class EqualizedLinear : nn.Module<Tensor, Tensor>
{
    private readonly Parameter weight;
    private readonly Parameter bias;

    /// <summary>Creates the layer; gain sqrt(2) suits a following leaky ReLU, 1 a linear output.</summary>
    public EqualizedLinear(long inFeatures, long outFeatures, double gain = 1.4142135623730951)
        : base(nameof(EqualizedLinear))
    {
        weight = new Parameter(randn(outFeatures, inFeatures));
        bias = new Parameter(zeros(outFeatures));
        Scale = gain / Math.Sqrt(inFeatures);
        InFeatures = inFeatures;
        OutFeatures = outFeatures;
        scale = Scale.ToScalar();
        RegisterComponents();
    }

    private readonly Scalar scale; // held for the layer's life: a temporary could be freed mid-call (Scalars)

    /// <summary>The He constant multiplied into the weights on every forward pass.</summary>
    public double Scale { get; }

    /// <summary>Input feature count.</summary>
    public long InFeatures { get; }

    /// <summary>Output feature count.</summary>
    public long OutFeatures { get; }

    /// <summary>FLOPs of one forward pass on one sample.</summary>
    public double Flops => 2.0 * InFeatures * OutFeatures;

    public override Tensor forward(Tensor input)
    {
        using var w = weight.mul(scale);
        return nn.functional.linear(input, w, bias);
    }

    /// <summary>Loads <paramref name="narrow"/>'s weights widened along <paramref name="outputs"/> and <paramref name="inputs"/>
    /// (identity maps copy them): the same function, more features (<see cref="ChannelWidening"/>).</summary>
    internal void LoadWidened(EqualizedLinear narrow, ChannelMap outputs, ChannelMap inputs, Training.GanRandom random)
    {
        ChannelWidening.Assign(weight, ChannelWidening.Weight(narrow.weight, weight.shape, outputs, inputs, narrow.Scale / Scale, random));
        ChannelWidening.Assign(bias, ChannelWidening.Bias(narrow.bias, outputs));
    }

    /// <summary>Loads <paramref name="narrow"/>'s weights unchanged.</summary>
    internal void LoadCopy(EqualizedLinear narrow, Training.GanRandom random) =>
        LoadWidened(narrow, ChannelMap.Identity(OutFeatures), ChannelMap.Identity(InFeatures), random);

    protected override void Dispose(bool disposing)
    {
        if (disposing) scale.Dispose();
        base.Dispose(disposing);
    }
}
