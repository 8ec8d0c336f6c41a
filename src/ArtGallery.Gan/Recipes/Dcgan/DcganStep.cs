using ArtGallery.Gan.Training;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace ArtGallery.Gan.Recipes.Dcgan;

/// <summary>
/// The seed post's loop is the PyTorch DCGAN tutorial's: BCE on real and fake batches separately, then G; no augmentation.
/// BCE refuses a NaN probability, so a non-finite D output (see StepIfFinite) skips the rest of the step.
/// </summary>
internal sealed class DcganStep(TrainingOptions options) : RecipeStep(options)
{
    public override (double LossD, double LossG) Run(Tensor reals, int batch)
    {
        var (G, D, optD, optG) = (Session.G, Session.D, Session.OptD, Session.OptG);
        G.train(); D.train();
        SetRequiresGrad(D, true);
        optD.zero_grad();
        var realOut = D.forward(reals);
        if (!GanSession.AllFinite(realOut)) return Skip(optD);
        var ones = ones_like(realOut.detach());
        var zeros = zeros_like(ones);
        var errReal = F.binary_cross_entropy(realOut, ones);
        errReal.backward();
        var fakes = G.forward(Latents(batch));
        var fakeOut = D.forward(fakes.detach());
        if (!GanSession.AllFinite(fakeOut)) return Skip(optD);
        var errFake = F.binary_cross_entropy(fakeOut, zeros);
        errFake.backward();
        StepIfFinite(optD, errReal.add(errFake, Scalars.One));
        SetRequiresGrad(D, false);
        optG.zero_grad();
        var genOut = D.forward(fakes);
        if (!GanSession.AllFinite(genOut)) return Skip(optG);
        var errG = F.binary_cross_entropy(genOut, ones);
        errG.backward();
        StepIfFinite(optG, errG);
        return (errReal.item<float>() + errFake.item<float>(), errG.item<float>());
    }
}
