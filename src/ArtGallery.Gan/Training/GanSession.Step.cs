using TorchSharp;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace ArtGallery.Gan.Training;

/// <summary>One training step: a D update then a G update.</summary>
internal sealed partial class GanSession
{
    /// <summary>Runs one step inside its own dispose scope; returns the two losses.</summary>
    public (double LossD, double LossG) Step()
    {
        ApplyPhase();
        var phase = Phase;
        int batch = BatchSize;
        using var scope = NewDisposeScope();
        // Per-step torch seeding makes every step reproducible from the counters alone (exact resume).
        torchRng.manual_seed((long)GanRandom.Mix(Options.Seed, Counters.Step));
        var reals = conditions is null ? sampler.Next(batch, phase.Resolution, phase.Alpha, Device) : NextConditionedBatch(batch, phase);
        Counters.RngState = rng.State;
        var losses = GuardedStep(reals, batch);
        Counters.ImagesSeen += batch;
        Counters.Step++;
        UpdateEma(batch);
        return losses;
    }

    /// <summary>
    /// The recipe's step; a libtorch error is treated like a non-finite update (dropped and counted) unless it
    /// repeats: the CPU build here now and then hands a kernel a corrupted scalar (ENGINE.md), which
    /// otherwise ends a long run. A real fault (wrong shapes, out of memory) fails every step and is rethrown.
    /// </summary>
    private (double, double) GuardedStep(Tensor reals, int batch)
    {
        try
        {
            var losses = Options.Recipe switch
            {
                GanRecipe.Seed => SeedStep(reals, batch),
                GanRecipe.Projected => ProjectedStep(reals, batch),
                GanRecipe.Conditioned => ConditionedStep(reals, batch),
                _ => ProGanStep(reals, batch),
            };
            consecutiveFaults = 0;
            return losses;
        }
        catch (System.Runtime.InteropServices.ExternalException) when (++consecutiveFaults < 3)
        {
            OptG.zero_grad();
            return Skip(OptD);
        }
        finally
        {
            if (Options.Recipe is GanRecipe.Seed or GanRecipe.Projected) { ResetNonFiniteStatistics(G); ResetNonFiniteStatistics(D); }
        }
    }

    private int consecutiveFaults;

    // WGAN-GP: drift 0.001 E[D(real)^2] and gradient penalty weight 10 (Gulrajani et al., Karras et al.).
    private static readonly TorchSharp.Scalar WganDrift = 0.001.ToScalar(), WganGpWeight = 10.ToScalar();

    private Tensor Augment(Tensor x) => DiffAugment.Apply(x, Options.AugmentOps, Counters.AugmentP, torchRng);

    private (double, double) ProGanStep(Tensor reals, int batch)
    {
        G.train(); D.train();
        SetRequiresGrad(D, true);
        Tensor fakes;
        using (no_grad()) fakes = G.forward(Latents(batch));
        var realLogits = D.forward(Augment(reals));
        var fakeLogits = D.forward(Augment(fakes));
        Tensor lossD;
        if (Options.Loss == GanLoss.WganGp)
        {
            var gp = GanLosses.GradientPenalty(x => D.forward(x), Augment(reals), Augment(fakes), torchRng);
            lossD = (fakeLogits.mean() - realLogits.mean()).add(realLogits.pow(Scalars.Two).mean(), WganDrift).add(gp, WganGpWeight);
        }
        else
        {
            lossD = GanLosses.LogisticD(realLogits, fakeLogits);
            if (Options.R1Interval > 0 && Counters.Step % Options.R1Interval == 0)
            {
                // Lazy R1 (StyleGAN2): every R1Interval steps, scaled by the interval to keep its weight.
                var r1Input = reals.detach().requires_grad_(true);
                var r1 = GanLosses.GradientSquaredNorm(D.forward(Augment(r1Input)), r1Input);
                using var r1Weight = (Options.R1GammaAt((int)reals.shape[2]) / 2 * Options.R1Interval).ToScalar();
                lossD = lossD.add(r1, r1Weight);
            }
        }
        OptD.zero_grad();
        lossD.backward();
        if (StepIfFinite(OptD, lossD)) UpdateAda(realLogits, batch);

        SetRequiresGrad(D, false);
        var lossG = Options.Loss == GanLoss.WganGp
            ? -D.forward(Augment(G.forward(Latents(batch)))).mean()
            : GanLosses.LogisticG(D.forward(Augment(G.forward(Latents(batch)))));
        OptG.zero_grad();
        lossG.backward();
        StepIfFinite(OptG, lossG);
        return (lossD.item<float>(), lossG.item<float>());
    }

    // The seed post's loop is the PyTorch DCGAN tutorial's: BCE on real and fake batches separately, then G.
    // BCE refuses a NaN probability, so a non-finite D output (see StepIfFinite) skips the rest of the step.
    private (double, double) SeedStep(Tensor reals, int batch)
    {
        G.train(); D.train();
        SetRequiresGrad(D, true);
        OptD.zero_grad();
        var realOut = D.forward(reals);
        if (!AllFinite(realOut)) return Skip(OptD);
        var ones = ones_like(realOut.detach());
        var zeros = zeros_like(ones);
        var errReal = F.binary_cross_entropy(realOut, ones);
        errReal.backward();
        var fakes = G.forward(Latents(batch));
        var fakeOut = D.forward(fakes.detach());
        if (!AllFinite(fakeOut)) return Skip(OptD);
        var errFake = F.binary_cross_entropy(fakeOut, zeros);
        errFake.backward();
        StepIfFinite(OptD, errReal.add(errFake, Scalars.One));
        SetRequiresGrad(D, false);
        OptG.zero_grad();
        var genOut = D.forward(fakes);
        if (!AllFinite(genOut)) return Skip(OptG);
        var errG = F.binary_cross_entropy(genOut, ones);
        errG.backward();
        StepIfFinite(OptG, errG);
        return (errReal.item<float>() + errFake.item<float>(), errG.item<float>());
    }

    /// <summary>
    /// BatchNorm running statistics are updated by the forward pass itself, so a NaN pass (see StepIfFinite)
    /// reaches them even when its update is dropped, and eval-mode sampling then draws NaN. Non-finite
    /// entries go back to their initial values (mean 0, variance 1).
    /// </summary>
    private static void ResetNonFiniteStatistics(TorchSharp.torch.nn.Module module)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        foreach (var (name, buffer) in module.named_buffers())
        {
            if (!buffer.is_floating_point() || AllFinite(buffer)) continue;
            double initial = name.EndsWith("running_var", StringComparison.Ordinal) ? 1 : 0;
            using var fill = initial.ToScalar();
            buffer.copy_(where(buffer.isfinite(), buffer, full_like(buffer, fill)));
        }
    }

    private static bool AllFinite(Tensor t) => t.isfinite().all().item<bool>();

    private (double, double) Skip(AdamOptimiser optimiser)
    {
        optimiser.zero_grad();
        SkippedUpdates++;
        return (double.NaN, double.NaN);
    }

    /// <summary>Applies the update only when the loss and every gradient are finite; a dropped one is counted (see
    /// <see cref="SkippedUpdates"/>). Non-zero now means a diverging run, not the Scalar race (ENGINE.md).</summary>
    private bool StepIfFinite(AdamOptimiser optimiser, Tensor loss)
    {
        if (optimiser.StepIfFinite(loss)) return true;
        SkippedUpdates++;
        return false;
    }

    /// <summary>Updates dropped because a loss or gradient was not finite (since this session started).</summary>
    public long SkippedUpdates { get; private set; }

    /// <summary>ADA: every 4 D steps move p by sign(r_t - target) * batch * 4 / (AdaSpeedKimg * 1000).</summary>
    private void UpdateAda(Tensor realLogits, int batch)
    {
        if (Options.AdaTarget is not { } target || Options.AugmentOps.Count == 0) return;
        Counters.AdaSum += realLogits.detach().sign().mean().item<float>();
        if (++Counters.AdaCount < 4) return;
        double rt = Counters.AdaSum / Counters.AdaCount;
        Counters.AugmentP = Math.Clamp(Counters.AugmentP + Math.Sign(rt - target) * batch * 4 / (Options.AdaSpeedKimg * 1000), 0, 1);
        (Counters.AdaSum, Counters.AdaCount) = (0, 0);
    }

    private static void SetRequiresGrad(TorchSharp.torch.nn.Module module, bool value)
    {
        foreach (var p in module.parameters()) p.requires_grad = value;
    }
}
