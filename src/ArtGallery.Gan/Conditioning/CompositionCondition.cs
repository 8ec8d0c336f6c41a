using TorchSharp;
using static TorchSharp.torch;

namespace ArtGallery.Gan.Conditioning;

/// <summary>
/// The composition part of a condition (<see cref="Recipes.Conditioned.ConditionedOptions.CompositionSize"/>): the
/// collection's greyscale ResNet-18 pool features (<see cref="CompositionNeighbours.Features"/>) projected on their top
/// principal components, and scaled so the part's mean squared length is 1 (as the palette and layout parts' are about).
/// Palette and 8x8 layout alone do not tell a light grid from a light dot field (docs/lab/2026-12-07-condition-neighbours.md);
/// this part does, so G is told which kind of picture to draw. Only collection pictures need it (the model carries their
/// conditions), so nothing computes it at render time.
/// </summary>
internal static class CompositionCondition
{
    /// <summary>The largest composition part a condition may have.</summary>
    public const int MaxSize = 64;

    /// <summary>Each picture's <paramref name="size"/> composition values from its <paramref name="features"/>.</summary>
    public static float[][] Project(float[][] features, int size)
    {
        int n = features.Length, d = features[0].Length;
        if (size < 1 || size > Math.Min(MaxSize, Math.Min(n, d))) throw new ArgumentException($"A composition part of {size} values needs 1..{Math.Min(MaxSize, Math.Min(n, d))}.");
        using var scope = NewDisposeScope();
        // Float64 and one thread's worth of work (512 x 512): the same collection gives the same values.
        var x = tensor(features.SelectMany(f => f).Select(v => (double)v).ToArray(), [n, d], float64);
        var centred = x.sub(x.mean([0L], keepdim: true));
        using var count = ((double)n).ToScalar();
        var covariance = centred.t().matmul(centred).div(count);
        var (values, vectors) = linalg.eigh(covariance);
        // eigh sorts ascending: the top components are the last columns.
        var top = vectors.narrow(1, d - size, size).flip(1);
        // An eigenvector's sign is arbitrary: make each one's largest loading positive.
        var largest = top.abs().argmax(0);
        var signs = top.gather(0, largest.unsqueeze(0)).sign();
        top = top.mul(signs);
        var variance = values.narrow(0, d - size, size).relu().sum().item<double>();
        using var spread = Math.Sqrt(Math.Max(variance, 1e-12)).ToScalar();
        var projected = centred.matmul(top).div(spread).to(float32).contiguous();
        var flat = projected.data<float>().ToArray();
        return [.. Enumerable.Range(0, n).Select(i => flat.AsSpan(i * size, size).ToArray())];
    }

    /// <summary>Descriptors with each picture's composition part appended.</summary>
    public static float[][] Append(float[][] descriptors, float[][] composition) =>
        [.. descriptors.Select((descriptor, i) => (float[])[.. descriptor, .. composition[i]])];
}
