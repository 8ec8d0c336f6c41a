using ArtGallery.Gan;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace ArtGallery.Detail.Network;

/// <summary>conv 3x3 -> ReLU -> conv 3x3, added to its input (EDSR's block without batch norm).</summary>
internal sealed class ResidualBlock : Module<Tensor, Tensor>
{
    private readonly TorchSharp.Modules.Conv2d conv1, conv2;

    public ResidualBlock(int channels) : base(nameof(ResidualBlock))
    {
        conv1 = Conv2d(channels, channels, 3, padding: 1);
        conv2 = Conv2d(channels, channels, 3, padding: 1);
        RegisterComponents();
    }

    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        return x.add(conv2.forward(conv1.forward(x).relu_()), Scalars.One).MoveToOuterDisposeScope();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) { conv1.Dispose(); conv2.Dispose(); }
        base.Dispose(disposing);
    }
}
