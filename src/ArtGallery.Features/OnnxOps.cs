using TorchSharp;
using ArtGallery.Features.Onnx;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace ArtGallery.Features;

/// <summary>
/// TorchSharp versions of the ONNX operators a CNTK ResNet export uses. ONNX pads are
/// [top, left, bottom, right]; CNTK writes asymmetric ones (stem conv 3,3,2,2; max-pool 1,1,0,0), which torch's
/// symmetric conv/pool padding cannot express, so uneven pads are applied explicitly first.
/// </summary>
internal static class OnnxOps
{
    /// <summary>Held 1 for add/sub alpha (TorchSharp's x + y makes an implicit Scalar temporary: src/ArtGallery.Gan/ENGINE.md, "Scalar temporaries").</summary>
    public static readonly Scalar One = 1.ToScalar();

    /// <summary>Held -1: x.add(y, MinusOne) is x - y without a temporary.</summary>
    public static readonly Scalar MinusOne = (-1).ToScalar();

    public static long[] Pads(OnnxNode node) => node.Ints.TryGetValue("pads", out var p) ? p : [0, 0, 0, 0];

    public static long[] Strides(OnnxNode node) => node.Ints.TryGetValue("strides", out var s) ? s : [1, 1];

    /// <summary>Pads explicitly when uneven; returns the symmetric padding left for the op itself.</summary>
    public static (Tensor X, long[] Padding) Pad(Tensor x, long[] pads, double value)
    {
        if (pads[0] == pads[2] && pads[1] == pads[3]) return (x, [pads[0], pads[1]]);
        return (F.pad(x, [pads[1], pads[3], pads[0], pads[2]], value: value), [0, 0]);
    }

    /// <summary>Conv with the batch norm that follows it folded in: W' = W s, b' = (b - mean) s + beta, s = gamma / sqrt(var + eps).
    /// The results are detached from any dispose scope: they live as long as the module holding them.</summary>
    public static (Tensor Weight, Tensor Bias) FoldBatchNorm(OnnxGraph graph, OnnxNode conv, OnnxNode? bn)
    {
        using var scope = NewDisposeScope();
        var (w, b) = Fold(graph, conv, bn);
        return (w.DetachFromDisposeScope(), b.DetachFromDisposeScope());
    }

    private static (Tensor Weight, Tensor Bias) Fold(OnnxGraph graph, OnnxNode conv, OnnxNode? bn)
    {
        var w = FromOnnx(graph.Tensor(conv.Inputs[1]));
        var b = conv.Inputs.Count > 2 ? FromOnnx(graph.Tensor(conv.Inputs[2])) : zeros(w.shape[0], ScalarType.Float64);
        if (bn is null) return (w.to(ScalarType.Float32), b.to(ScalarType.Float32));
        float eps = bn.Floats.TryGetValue("epsilon", out var e) ? e : 1e-5f;
        var gamma = FromOnnx(graph.Tensor(bn.Inputs[1]));
        var beta = FromOnnx(graph.Tensor(bn.Inputs[2]));
        var mean = FromOnnx(graph.Tensor(bn.Inputs[3]));
        var variance = FromOnnx(graph.Tensor(bn.Inputs[4]));
        var s = gamma / variance.add(tensor((double)eps, ScalarType.Float64), One).sqrt();
        var folded = w * s.reshape(-1, 1, 1, 1);
        var bias = b.add(mean, MinusOne).mul(s).add(beta, One);
        return (folded.to(ScalarType.Float32), bias.to(ScalarType.Float32));
    }

    // Folding in double keeps the port within float rounding of ONNX Runtime's unfused kernels.
    private static Tensor FromOnnx(OnnxTensor t) => tensor(t.Data, t.Dims).to(ScalarType.Float64);
}
