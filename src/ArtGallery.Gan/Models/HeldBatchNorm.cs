using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ArtGallery.Gan.Models;

/// <summary>
/// BatchNorm2d's forward without its Scalar temporary: TorchSharp's <c>BatchNorm.forward</c> counts batches with an
/// implicit Scalar (ENGINE.md: the finalizer race). Same statistics, same result, through <c>F.batch_norm</c>.
/// </summary>
internal static class HeldBatchNorm
{
    public static Tensor Apply(BatchNorm2d norm, Tensor input)
    {
        if (norm.training && norm.num_batches_tracked is { } batches)
        {
            using var noGrad = no_grad();
            batches.add_(Scalars.One, Scalars.One);
        }
        return nn.functional.batch_norm(input, norm.running_mean, norm.running_var, norm.weight, norm.bias,
            norm.training, norm.momentum ?? 0.1, norm.eps);
    }
}
