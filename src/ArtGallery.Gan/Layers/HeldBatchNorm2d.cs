using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ArtGallery.Gan.Layers;

/// <summary>
/// torch's BatchNorm2d (momentum 0.1, eps 1e-5, affine, running statistics) without TorchSharp's Scalar temporary:
/// its <c>BatchNorm.forward</c> counts batches with <c>add_(1)</c>, an implicit Scalar a GC can free mid-call
/// (ENGINE.md). A module rather than a helper, so no caller can reach that forward: projected's heads once did, through
/// a virtual call the IL scan cannot follow, and dropped updates under load. Same parameter and buffer names and
/// initial values as torch's, so existing checkpoints load unchanged.
/// </summary>
public sealed class HeldBatchNorm2d : nn.Module<Tensor, Tensor>
{
    private const double Momentum = 0.1, Eps = 1e-5;
    private readonly Parameter weight;
    private readonly Parameter bias;
    private readonly Tensor running_mean;
    private readonly Tensor running_var;
    private readonly Tensor num_batches_tracked;

    public HeldBatchNorm2d(long features) : base("BatchNorm2d")
    {
        weight = new Parameter(ones(features));
        bias = new Parameter(zeros(features));
        running_mean = zeros(features).DetachFromDisposeScope();
        running_var = ones(features).DetachFromDisposeScope();
        num_batches_tracked = tensor(0L).DetachFromDisposeScope();
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        if (training)
        {
            using var noGrad = no_grad();
            num_batches_tracked.add_(Scalars.One, Scalars.One);
        }
        return nn.functional.batch_norm(input, running_mean, running_var, weight, bias, training, Momentum, Eps);
    }
}
