using ArtGallery.Gan.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace ArtGallery.Gan.Recipes;

/// <summary>
/// A recipe's training step for one session: which reals a step sees and how D and G are updated. The session's shared
/// parts (networks, optimisers, RNG, augmentation, the finite-update guard, ADA) are reached through the helpers here.
/// </summary>
internal abstract class RecipeStep(TrainingOptions options)
{
    /// <summary>The options as trained (the recipe may have recorded what it learned of the dataset).</summary>
    public TrainingOptions Options { get; } = options;

    /// <summary>The session, once its networks exist.</summary>
    protected GanSession Session { get; private set; } = null!;

    /// <summary>Called once the session has built its networks (before they move to the device and G is copied to the EMA).</summary>
    public virtual void Attach(GanSession session) => Session = session;

    /// <summary>This step's real images (N, 3, res, res), uniform over the dataset unless the recipe picks them.</summary>
    public virtual Tensor NextReals(int batch, PhaseInfo phase) => Session.Sampler.Next(batch, phase.Resolution, phase.Alpha, Session.Device);

    /// <summary>One D update then one G update; returns their losses (NaN when dropped).</summary>
    public abstract (double LossD, double LossG) Run(Tensor reals, int batch);

    /// <summary>Fresh latents for this step, from the session's per-step generator.</summary>
    protected Tensor Latents(int batch) => Session.Latents(batch);

    /// <summary>DiffAugment with the run's ops at the current (ADA) probability.</summary>
    protected Tensor Augment(Tensor x) => DiffAugment.Apply(x, Options.AugmentOps, Session.Counters.AugmentP, Session.TorchRng);

    /// <summary>Applies the update only when the loss and every gradient are finite; a dropped one is counted.</summary>
    protected bool StepIfFinite(AdamOptimiser optimiser, Tensor loss) => Session.StepIfFinite(optimiser, loss);

    /// <summary>Drops this step's update of <paramref name="optimiser"/> (counted) and returns NaN losses.</summary>
    protected (double, double) Skip(AdamOptimiser optimiser) => Session.Skip(optimiser);

    /// <summary>ADA: moves the augmentation probability from D's verdicts on reals.</summary>
    protected void UpdateAda(Tensor realLogits, int batch) => Session.UpdateAda(realLogits, batch);

    protected static void SetRequiresGrad(nn.Module module, bool value)
    {
        foreach (var p in module.parameters()) p.requires_grad = value;
    }
}
