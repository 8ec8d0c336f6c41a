using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ArtGallery.Gan.Training;

/// <summary>
/// Adam (Kingma and Ba 2015) doing TorchSharp 0.107's <c>Adam.step</c> arithmetic op for op (so its updates are bit-identical),
/// but holding every Scalar it hands libtorch: constants for the optimiser's life, bias corrections for the step.
/// TorchSharp's own step makes about 5 implicit Scalars per parameter, which a GC on another thread can free while
/// libtorch reads them (ENGINE.md). State saves as <see cref="Format"/>; TorchSharp's "Adam" state still loads.
/// </summary>
internal sealed partial class AdamOptimiser : IDisposable
{
    private readonly Parameter[] parameters;
    private readonly Tensor[] expAvg, expAvgSq;
    private readonly long[] steps;
    private readonly double beta1, beta2, eps;
    private readonly Scalar beta1Scalar, beta2Scalar, oneMinusBeta1, oneMinusBeta2, epsScalar;

    public AdamOptimiser(IEnumerable<Parameter> parameters, double lr, double beta1, double beta2, double eps)
    {
        if (lr < 0 || eps < 0 || beta1 is < 0 or >= 1 || beta2 is < 0 or >= 1) throw new ArgumentException("Invalid Adam hyperparameters.");
        this.parameters = parameters.ToArray();
        LearningRate = lr;
        (this.beta1, this.beta2, this.eps) = (beta1, beta2, eps);
        expAvg = this.parameters.Select(p => zeros_like(p).DetachFromDisposeScope()).ToArray();
        expAvgSq = this.parameters.Select(p => zeros_like(p).DetachFromDisposeScope()).ToArray();
        steps = new long[this.parameters.Length];
        beta1Scalar = beta1.ToScalar();
        beta2Scalar = beta2.ToScalar();
        oneMinusBeta1 = (1 - beta1).ToScalar();
        oneMinusBeta2 = (1 - beta2).ToScalar();
        epsScalar = eps.ToScalar();
    }

    /// <summary>Step size; a schedule may change it between steps (the detail trainer's cosine decay).</summary>
    public double LearningRate { get; set; }

    /// <summary>Zeroes every gradient in place (as TorchSharp's optimisers do: the gradient tensors stay allocated).</summary>
    public void zero_grad()
    {
        using var scope = NewDisposeScope();
        foreach (var p in parameters) p.grad?.zero_();
    }

    /// <summary>
    /// Steps only when the loss and every gradient are finite; otherwise zeroes the gradients and returns false. One
    /// non-finite update would poison every weight and both moments, and a finite loss can still carry a NaN gradient.
    /// </summary>
    public bool StepIfFinite(Tensor loss)
    {
        bool finite;
        using (var scope = NewDisposeScope())
        {
            var total = loss.detach().sum();
            foreach (var p in parameters)
                if (p.grad is { } g) total = total.add(g.sum(), Scalars.One);
            finite = total.isfinite().item<bool>();
        }
        if (finite) step();
        else zero_grad();
        return finite;
    }

    /// <summary>One update of every parameter that has a gradient.</summary>
    public void step()
    {
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var corrections = new BiasCorrections(LearningRate, beta1, beta2);
        try
        {
            for (int i = 0; i < parameters.Length; i++)
            {
                if (parameters[i].grad is not { } grad) continue;
                var (stepSize, sqrtCorrection2) = corrections.At(++steps[i]);
                // TorchSharp: exp_avg.mul_(b1).add_(g, 1 - b1); exp_avg_sq.mul_(b2).addcmul_(g, g, 1 - b2);
                // denom = sqrt(exp_avg_sq) / sqrt(bc2) + eps; p.addcdiv_(exp_avg, denom, -lr / bc1).
                expAvg[i].mul_(beta1Scalar).add_(grad, alpha: oneMinusBeta1);
                expAvgSq[i].mul_(beta2Scalar).addcmul_(grad, grad, value: oneMinusBeta2);
                var denom = expAvgSq[i].sqrt().div_(sqrtCorrection2).add_(epsScalar, Scalars.One);
                parameters[i].addcdiv_(expAvg[i], denom, value: stepSize);
            }
        }
        finally
        {
            corrections.Dispose();
        }
    }

    public void Dispose()
    {
        foreach (var t in expAvg.Concat(expAvgSq)) t.Dispose();
        foreach (var s in new[] { beta1Scalar, beta2Scalar, oneMinusBeta1, oneMinusBeta2, epsScalar }) s.Dispose();
    }

    /// <summary>The step's Scalars, made once per distinct step count (parameters usually share one) and held until disposed.</summary>
    private sealed class BiasCorrections(double lr, double beta1, double beta2) : IDisposable
    {
        private readonly Dictionary<long, (Scalar StepSize, Scalar SqrtCorrection2)> made = [];

        public (Scalar StepSize, Scalar SqrtCorrection2) At(long step)
        {
            if (made.TryGetValue(step, out var scalars)) return scalars;
            double correction1 = 1 - Math.Pow(beta1, step), correction2 = 1 - Math.Pow(beta2, step);
            return made[step] = ((-(lr / correction1)).ToScalar(), Math.Sqrt(correction2).ToScalar());
        }

        public void Dispose()
        {
            foreach (var (a, b) in made.Values) { a.Dispose(); b.Dispose(); }
        }
    }
}
