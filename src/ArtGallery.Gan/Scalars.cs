using TorchSharp;

namespace ArtGallery.Gan;

/// <summary>
/// Constant Scalars for TorchSharp calls. TorchSharp 0.107 frees a Scalar in its finalizer and hands libtorch only its
/// handle, so a temporary one (<c>x * 0.5</c>, <c>x + y</c>'s implicit alpha 1, <c>square()</c>) can be freed by a GC on
/// another thread mid-call: NaN, garbage, crashes (ENGINE.md). Statics are never finalized; per-call values are held with
/// <c>using var s = value.ToScalar()</c>. ScalarTemporaryTests fails on any temporary. Integer ones keep integer tensors integer.
/// </summary>
public static class Scalars
{
    /// <summary>The alpha of a plain <c>a.add(b, Scalars.One)</c> (TorchSharp's <c>a + b</c> makes a temporary 1).</summary>
    public static readonly Scalar One = 1.ToScalar();
    public static readonly Scalar MinusOne = (-1).ToScalar();
    public static readonly Scalar Two = 2.ToScalar();
    public static readonly Scalar Half = 0.5.ToScalar();

    /// <summary>Leaky ReLU slope (ProGAN, DCGAN).</summary>
    public static readonly Scalar LeakySlope = 0.2.ToScalar();

    /// <summary>Epsilon under square roots (pixel norm, minibatch stddev).</summary>
    public static readonly Scalar Epsilon = 1e-8.ToScalar();

    /// <summary>Epsilon of norms in gradient penalties and directions.</summary>
    public static readonly Scalar TinyEpsilon = 1e-12.ToScalar();
}
