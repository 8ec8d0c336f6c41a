using TorchSharp;
using static TorchSharp.torch;

namespace ArtGallery.Gan.Training;

/// <summary>The frame of every training step (the recipe's update inside it) and the guards every recipe shares.</summary>
internal sealed partial class GanSession
{
    private int consecutiveFaults;

    /// <summary>Runs one step inside its own dispose scope; returns the two losses.</summary>
    public (double LossD, double LossG) Step()
    {
        ApplyPhase();
        var phase = Phase;
        int batch = BatchSize;
        using var scope = NewDisposeScope();
        // Per-step torch seeding makes every step reproducible from the counters alone (exact resume).
        TorchRng.manual_seed((long)GanRandom.Mix(Options.Seed, Counters.Step));
        var reals = step.NextReals(batch, phase);
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
            var losses = step.Run(reals, batch);
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
            if (Recipe.HasBatchNorm) { ResetNonFiniteStatistics(G); ResetNonFiniteStatistics(D); }
        }
    }

    /// <summary>
    /// BatchNorm running statistics are updated by the forward pass itself, so a NaN pass (see StepIfFinite)
    /// reaches them even when its update is dropped, and eval-mode sampling then draws NaN. Non-finite
    /// entries go back to their initial values (mean 0, variance 1).
    /// </summary>
    private static void ResetNonFiniteStatistics(nn.Module module)
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

    internal static bool AllFinite(Tensor t) => t.isfinite().all().item<bool>();

    internal (double, double) Skip(AdamOptimiser optimiser)
    {
        optimiser.zero_grad();
        SkippedUpdates++;
        return (double.NaN, double.NaN);
    }

    /// <summary>Applies the update only when the loss and every gradient are finite; a dropped one is counted (see
    /// <see cref="SkippedUpdates"/>). Non-zero now means a diverging run, not the Scalar race (ENGINE.md).</summary>
    internal bool StepIfFinite(AdamOptimiser optimiser, Tensor loss)
    {
        if (optimiser.StepIfFinite(loss)) return true;
        SkippedUpdates++;
        return false;
    }

    /// <summary>Updates dropped because a loss or gradient was not finite (since this session started).</summary>
    public long SkippedUpdates { get; private set; }

    /// <summary>ADA: every 4 D steps move p by sign(r_t - target) * batch * 4 / (AdaSpeedKimg * 1000).</summary>
    internal void UpdateAda(Tensor realLogits, int batch)
    {
        if (Options.AdaTarget is not { } target || Options.AugmentOps.Count == 0) return;
        Counters.AdaSum += realLogits.detach().sign().mean().item<float>();
        if (++Counters.AdaCount < 4) return;
        double rt = Counters.AdaSum / Counters.AdaCount;
        Counters.AugmentP = Math.Clamp(Counters.AugmentP + Math.Sign(rt - target) * batch * 4 / (Options.AdaSpeedKimg * 1000), 0, 1);
        (Counters.AdaSum, Counters.AdaCount) = (0, 0);
    }
}
