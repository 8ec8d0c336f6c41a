using ArtGallery.Gan.Conditioning;
using ArtGallery.Gan.Recipes.ProGan;
using ArtGallery.Gan.Training;
using TorchSharp;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace ArtGallery.Gan.Recipes.Conditioned;

/// <summary>
/// The conditioned recipe's step (instance conditioning, Casanova et al. 2021): each sample draws a collection picture
/// uniformly; G draws from that picture's descriptor, D judges (image, descriptor) pairs by projection and sees as real
/// one of the picture's nearest neighbours. Loss: progan's logistic + lazy R1, or RpGAN + R1 + R2 (Huang et al. 2024);
/// optionally mode seeking, a condition-consistency term and an edge term on G.
/// </summary>
internal sealed class ConditionedStep(TrainingOptions options, ConditionSet set) : RecipeStep(options)
{
    private Tensor? stepConditions;

    /// <summary>Fills the generator's collection (a fresh run; a resumed one then loads the same from its checkpoint).</summary>
    public override void Attach(GanSession session)
    {
        base.Attach(session);
        session.G.Collection!.Fill(set);
    }

    /// <summary>Reals for this step and (in <see cref="stepConditions"/>) the descriptors they answer to.</summary>
    public override Tensor NextReals(int batch, PhaseInfo phase)
    {
        var (rng, drawn) = (Session.Rng, new List<int>(batch));
        int k = set.Neighbours[0].Length;
        var reals = Session.Sampler.Next(batch, phase.Resolution, phase.Alpha, Session.Device, () =>
        {
            int picture = rng.NextInt(set.Count);
            drawn.Add(picture);
            return set.Neighbours[picture][rng.NextInt(k)];
        });
        stepConditions = tensor(drawn.SelectMany(i => set.Descriptors[i]).ToArray(), [batch, set.ConditionSize]).to(Session.Device);
        return reals;
    }

    private Tensor Noise(Tensor conditions) =>
        randn([conditions.shape[0], Session.G.LatentSize - conditions.shape[1]], generator: Session.TorchRng).to(Session.Device);

    private Tensor ConditionedLatents(Tensor conditions) => cat([Noise(conditions), conditions], 1);

    public override (double LossD, double LossG) Run(Tensor reals, int batch)
    {
        var (G, D, c) = (Session.G, Session.D, stepConditions!);
        var d = (ProDiscriminator)D;
        bool relativistic = Options.Conditioned.Loss == ConditionedLoss.RpGan;
        G.train(); D.train();
        SetRequiresGrad(D, true);
        Tensor fakes;
        using (no_grad()) fakes = G.forward(ConditionedLatents(c));
        bool penalise = Options.R1Interval > 0 && Session.Counters.Step % Options.R1Interval == 0;
        var realInput = penalise ? reals.detach().requires_grad_(true) : reals;
        var fakeInput = penalise && relativistic ? fakes.detach().requires_grad_(true) : fakes;
        var realLogits = d.Score(Augment(realInput), c);
        var fakeLogits = d.Score(Augment(fakeInput), c);
        var lossD = relativistic ? Relativistic(realLogits, fakeLogits) : GanLosses.LogisticD(realLogits, fakeLogits);
        if (penalise)
        {
            // Lazy R1 (and R2 on fakes for RpGAN), scaled by the interval to keep their weight.
            double gamma = Options.Conditioned.Gamma ?? Options.R1GammaAt((int)reals.shape[2]);
            using var weight = (gamma / 2 * Options.R1Interval).ToScalar();
            lossD = lossD.add(GanLosses.GradientSquaredNorm(realLogits, realInput), weight);
            if (relativistic) lossD = lossD.add(GanLosses.GradientSquaredNorm(fakeLogits, fakeInput), weight);
        }
        Session.OptD.zero_grad();
        lossD.backward();
        if (StepIfFinite(Session.OptD, lossD)) UpdateAda(realLogits, batch);

        SetRequiresGrad(D, false);
        // Mode seeking pairs two latents drawn for the same condition: the batch's first half of conditions, twice.
        double modeSeeking = Options.Conditioned.ModeSeekingWeight;
        var gc = modeSeeking > 0 ? cat([c[..(batch / 2)], c[..(batch / 2)]], 0) : c;
        var noise = Noise(gc);
        var images = G.forward(cat([noise, gc], 1));
        var generated = d.Score(Augment(images), gc);
        Tensor lossG;
        if (relativistic)
        {
            Tensor realForG;
            using (no_grad()) realForG = d.Score(Augment(PairedReals(reals, batch, modeSeeking)), gc);
            lossG = Relativistic(generated, realForG);
        }
        else lossG = GanLosses.LogisticG(generated);
        if (modeSeeking > 0)
        {
            using var weight = modeSeeking.ToScalar();
            lossG = lossG.add(GanLosses.ModeSeeking(images, noise, weight), Scalars.One);
        }
        if (Options.Conditioned.ConsistencyWeight > 0)
        {
            using var weight = Options.Conditioned.ConsistencyWeight.ToScalar();
            lossG = lossG.add(ConditionConsistency.Loss(images, gc), weight);
        }
        if (Options.Conditioned.EdgeWeight > 0)
        {
            using var weight = Options.Conditioned.EdgeWeight.ToScalar();
            lossG = lossG.add(GanLosses.EdgeDistribution(images, PairedReals(reals, batch, modeSeeking)), weight);
        }
        Session.OptG.zero_grad();
        lossG.backward();
        StepIfFinite(Session.OptG, lossG);
        return (lossD.item<float>(), lossG.item<float>());
    }

    // G's batch under mode seeking is the first half's conditions twice; so are the reals drawn for them.
    private static Tensor PairedReals(Tensor reals, int batch, double modeSeeking) =>
        modeSeeking > 0 ? cat([reals[..(batch / 2)], reals[..(batch / 2)]], 0) : reals;

    // RpGAN: softplus(-(D(winner) - D(loser))), pairing each sample with the batch's same-index one.
    private static Tensor Relativistic(Tensor winner, Tensor loser) => -F.logsigmoid(winner.sub(loser)).mean();
}
