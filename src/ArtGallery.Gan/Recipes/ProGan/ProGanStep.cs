using ArtGallery.Gan.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace ArtGallery.Gan.Recipes.ProGan;

/// <summary>Progan's step: non-saturating logistic loss with lazy R1, or WGAN-GP; DiffAugment with ADA on both.</summary>
internal sealed class ProGanStep(TrainingOptions options) : RecipeStep(options)
{
    // WGAN-GP: drift 0.001 E[D(real)^2] and gradient penalty weight 10 (Gulrajani et al., Karras et al.).
    private static readonly Scalar WganDrift = 0.001.ToScalar(), WganGpWeight = 10.ToScalar();

    public override (double LossD, double LossG) Run(Tensor reals, int batch)
    {
        var (G, D, counters) = (Session.G, Session.D, Session.Counters);
        G.train(); D.train();
        SetRequiresGrad(D, true);
        Tensor fakes;
        using (no_grad()) fakes = G.forward(Latents(batch));
        var realLogits = D.forward(Augment(reals));
        var fakeLogits = D.forward(Augment(fakes));
        Tensor lossD;
        if (Options.Loss == GanLoss.WganGp)
        {
            var gp = GanLosses.GradientPenalty(x => D.forward(x), Augment(reals), Augment(fakes), Session.TorchRng);
            lossD = (fakeLogits.mean() - realLogits.mean()).add(realLogits.pow(Scalars.Two).mean(), WganDrift).add(gp, WganGpWeight);
        }
        else
        {
            lossD = GanLosses.LogisticD(realLogits, fakeLogits);
            if (Options.R1Interval > 0 && counters.Step % Options.R1Interval == 0)
            {
                // Lazy R1 (StyleGAN2): every R1Interval steps, scaled by the interval to keep its weight.
                var r1Input = reals.detach().requires_grad_(true);
                var r1 = GanLosses.GradientSquaredNorm(D.forward(Augment(r1Input)), r1Input);
                using var r1Weight = (Options.R1GammaAt((int)reals.shape[2]) / 2 * Options.R1Interval).ToScalar();
                lossD = lossD.add(r1, r1Weight);
            }
        }
        Session.OptD.zero_grad();
        lossD.backward();
        if (StepIfFinite(Session.OptD, lossD)) UpdateAda(realLogits, batch);

        SetRequiresGrad(D, false);
        var lossG = Options.Loss == GanLoss.WganGp
            ? -D.forward(Augment(G.forward(Latents(batch)))).mean()
            : GanLosses.LogisticG(D.forward(Augment(G.forward(Latents(batch)))));
        Session.OptG.zero_grad();
        lossG.backward();
        StepIfFinite(Session.OptG, lossG);
        return (lossD.item<float>(), lossG.item<float>());
    }
}
