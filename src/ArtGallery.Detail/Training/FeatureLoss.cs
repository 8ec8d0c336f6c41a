using ArtGallery.Features;
using ArtGallery.Gan;
using TorchSharp;
using static TorchSharp.torch;

namespace ArtGallery.Detail.Training;

/// <summary>
/// A perceptual term on the offline ResNet-18 (frozen; gradients reach only the output): the taps after layer1 and
/// layer2 (strides 4 and 8), where edges and texture live, each tap's mean absolute difference divided by the target
/// tap's mean magnitude so both count alike whatever their scale.
/// </summary>
internal sealed class FeatureLoss(Device device) : IDisposable
{
    private const int Taps = 2;
    private readonly ResNet18Features net = ResNet18Features.Load().to(device);

    /// <summary>The term for images in [-1, 1] (N, 3, H, W).</summary>
    public Tensor Loss(Tensor output, Tensor target)
    {
        using var scope = NewDisposeScope();
        Tensor[] wanted;
        using (no_grad()) wanted = net.forward(target);
        var got = net.forward(output);
        Tensor total = zeros(1, device: output.device);
        for (int t = 0; t < Taps; t++)
        {
            var scale = wanted[t].abs().mean().add(Scalars.Epsilon, Scalars.One);
            total = total.add(nn.functional.l1_loss(got[t], wanted[t]).div(scale), Scalars.One);
        }
        return total.squeeze().MoveToOuterDisposeScope();
    }

    public void Dispose() => net.Dispose();
}
