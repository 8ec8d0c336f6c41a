using ArtGallery.Gan.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace ArtGallery.Gan.Recipes.Projected;

/// <summary>The projected recipe's step (Sauer et al. 2021): hinge loss, DiffAugment always on, no R1.</summary>
internal sealed class ProjectedStep(TrainingOptions options) : RecipeStep(options)
{
    public override (double LossD, double LossG) Run(Tensor reals, int batch)
    {
        var (G, D) = (Session.G, Session.D);
        G.train(); D.train();
        SetRequiresGrad(D, true);
        Tensor fakes;
        using (no_grad()) fakes = G.forward(Latents(batch));
        // Real and fake go through D separately, as in the paper: the heads' batch norm sees one kind per batch.
        var lossD = GanLosses.HingeD(D.forward(AugmentAlways(reals)), D.forward(AugmentAlways(fakes)));
        Session.OptD.zero_grad();
        lossD.backward();
        StepIfFinite(Session.OptD, lossD);

        SetRequiresGrad(D, false);
        var latents = Latents(batch);
        var images = G.forward(latents);
        var lossG = GanLosses.HingeG(D.forward(AugmentAlways(images)));
        if (Options.Projected.ModeSeekingWeight > 0)
        {
            using var weight = Options.Projected.ModeSeekingWeight.ToScalar();
            lossG = lossG.add(GanLosses.ModeSeeking(images, latents, weight), Scalars.One);
        }
        Session.OptG.zero_grad();
        lossG.backward();
        StepIfFinite(Session.OptG, lossG);
        return (lossD.item<float>(), lossG.item<float>());
    }

    // Projected GAN applies every DiffAugment op to every sample (p = 1); the policy is the run's.
    private Tensor AugmentAlways(Tensor x) => DiffAugment.Apply(x, Options.AugmentOps, 1.0, Session.TorchRng);
}
