using TorchSharp;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace ArtGallery.Gan.Conditioning;

/// <summary>
/// <see cref="ConditionDescriptor"/> on a batch of tensors, differentiable, for G's condition-consistency term: how far a
/// sample's own palette and composition lie from the condition it was drawn for. The adversarial loss only asks a sample to
/// pass among the picture's neighbours, which let "more like this" drift (its samples were nearer their picture than
/// 95 % of the collection only 88 % of the time, the composition half being the loose one); this term asks for the
/// picture itself, at the coarse scale of the descriptor, so the detail is still free.
/// </summary>
public static class ConditionConsistency
{
    // Under the palette's square root: gradients stay finite at empty bins (the value moves by at most 0.01 a bin).
    private static readonly Scalar RootEpsilon = 1e-4.ToScalar();
    private static readonly Scalar SpreadEpsilon = 1e-8.ToScalar();
    private static readonly Scalar Zero = 0.ToScalar();
    private static readonly Scalar LastBin = (ConditionDescriptor.Bins - 1).ToScalar();
    private static readonly Scalar BinsScalar = ConditionDescriptor.Bins.ToScalar();
    private static readonly Scalar Flatness = 0.1.ToScalar();
    private static readonly Scalar InverseLayoutSide = (1.0 / ConditionDescriptor.LayoutSide).ToScalar();
    private static readonly Scalar[] LumaWeights = [0.299.ToScalar(), 0.587.ToScalar(), 0.114.ToScalar()];

    /// <summary>Descriptors [N, <see cref="ConditionDescriptor.Size"/>] of images [N, 3, R, R] in [-1, 1], read as
    /// <see cref="ConditionDescriptor.Describe"/> reads a picture area-averaged to <see cref="ConditionDescriptor.Resolution"/> px.</summary>
    public static Tensor Describe(Tensor images)
    {
        using var scope = NewDisposeScope();
        var unit = Resampled(images).add(Scalars.One, Scalars.One).mul(Scalars.Half).clamp(Zero, Scalars.One);
        long n = unit.shape[0], side = unit.shape[2], pixels = side * side;
        using var pixelCount = ((double)pixels).ToScalar();

        // Trilinear votes: a channel value at bin position p gives bin b the weight max(0, 1 - |p - b|).
        var position = unit.mul(BinsScalar).sub(Scalars.Half).clamp(Zero, LastBin).reshape(n, 3, 1, pixels);
        var centres = tensor(Enumerable.Range(0, ConditionDescriptor.Bins).Select(b => (float)b).ToArray(), [1, 1, ConditionDescriptor.Bins, 1], device: images.device);
        var votes = position.add(centres, Scalars.MinusOne).abs().neg().add(Scalars.One, Scalars.One).relu();
        var histogram = einsum("nip,njp,nkp->nijk", votes.select(1, 0), votes.select(1, 1), votes.select(1, 2))
            .reshape(n, ConditionDescriptor.PaletteSize).div(pixelCount);
        var palette = histogram.add(RootEpsilon, Scalars.One).sqrt();

        var luma = unit.select(1, 0).mul(LumaWeights[0])
            .add(unit.select(1, 1), LumaWeights[1]).add(unit.select(1, 2), LumaWeights[2]).unsqueeze(1);
        int cell = (int)side / ConditionDescriptor.LayoutSide;
        var grid = F.avg_pool2d(luma, [cell, cell]).reshape(n, ConditionDescriptor.LayoutSide * ConditionDescriptor.LayoutSide);
        var centred = grid.add(grid.mean([1L], keepdim: true), Scalars.MinusOne);
        var spread = centred.pow(Scalars.Two).mean([1L], keepdim: true).add(SpreadEpsilon, Scalars.One).sqrt();
        var layout = centred.div(spread.add(Flatness, Scalars.One)).mul(InverseLayoutSide);
        return cat([palette, layout], 1).MoveToOuterDisposeScope();
    }

    /// <summary>Mean squared descriptor distance between <paramref name="images"/> and the <paramref name="conditions"/>
    /// they were drawn for (the distance of <see cref="ConditionDescriptor.Distance"/>).</summary>
    public static Tensor Loss(Tensor images, Tensor conditions)
    {
        using var scope = NewDisposeScope();
        // A condition's composition part (if any) is not measured here: it needs the ResNet.
        return Describe(images).add(conditions.narrow(1, 0, ConditionDescriptor.Size), Scalars.MinusOne).pow(Scalars.Two).sum([1L]).mean().MoveToOuterDisposeScope();
    }

    // Area-averaged to the descriptor's resolution; a smaller phase's picture is read at its own size (at least the layout grid).
    private static Tensor Resampled(Tensor images)
    {
        int side = (int)images.shape[2];
        if (side > ConditionDescriptor.Resolution)
        {
            int factor = side / ConditionDescriptor.Resolution;
            return F.avg_pool2d(images, [factor, factor]);
        }
        return side < ConditionDescriptor.LayoutSide
            ? F.interpolate(images, size: [ConditionDescriptor.LayoutSide, ConditionDescriptor.LayoutSide], mode: InterpolationMode.Nearest)
            : images;
    }
}
