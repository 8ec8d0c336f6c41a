using TorchSharp;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace ArtGallery.Gan.Training;

/// <summary>GAN losses and gradient penalties.</summary>
public static class GanLosses
{
    // softplus(x) = -log sigmoid(-x): TorchSharp's F.softplus makes Scalar temporaries for beta and threshold (Scalars).

    /// <summary>Non-saturating logistic D loss: softplus(D(fake)) + softplus(-D(real)).</summary>
    public static Tensor LogisticD(Tensor realLogits, Tensor fakeLogits) =>
        -F.logsigmoid(-fakeLogits).mean() - F.logsigmoid(realLogits).mean();

    /// <summary>Non-saturating logistic G loss: softplus(-D(fake)).</summary>
    public static Tensor LogisticG(Tensor fakeLogits) => -F.logsigmoid(fakeLogits).mean();


    /// <summary>Hinge D loss (Projected GAN): relu(1 - D(real)) + relu(1 + D(fake)), each averaged.</summary>
    public static Tensor HingeD(Tensor realLogits, Tensor fakeLogits) =>
        F.relu(realLogits.neg().add(Scalars.One, Scalars.One)).mean().add(F.relu(fakeLogits.add(Scalars.One, Scalars.One)).mean(), Scalars.One);

    /// <summary>Hinge G loss: -D(fake).</summary>
    public static Tensor HingeG(Tensor fakeLogits) => fakeLogits.mean().neg();

    private static readonly Scalar ModeSeekingEpsilon = 1e-5.ToScalar();

    /// <summary>
    /// Mode seeking (Mao et al. 2019): penalises latents whose images differ little relative to how far the latents are apart,
    /// weight / (mean|G(z1) - G(z2)| / mean|z1 - z2| + eps), pairing the first half of the batch with the second.
    /// </summary>
    public static Tensor ModeSeeking(Tensor images, Tensor latents, Scalar weight)
    {
        int half = (int)images.shape[0] / 2;
        var imageGap = images[..half].add(images[half..], Scalars.MinusOne).abs().mean();
        var latentGap = latents[..half].add(latents[half..], Scalars.MinusOne).abs().mean();
        return (imageGap / latentGap).add(ModeSeekingEpsilon, Scalars.One).reciprocal().mul(weight);
    }

    /// <summary>
    /// Edge statistics matching: the 1-D Wasserstein distance between the neighbouring-pixel steps of each sample
    /// (|x[i+1] - x[i]| per channel, along rows and columns) and those of the real picture paired with it by index. A soft
    /// edge spreads one big step over several middling ones, while the paintings have flat fields and single big steps;
    /// matching the sorted steps asks for edges as crisp as the data's without saying where they go (in the spirit of
    /// Durall et al. 2020, who match fakes' power spectra to the reals').
    /// </summary>
    public static Tensor EdgeDistribution(Tensor fakes, Tensor reals)
    {
        var (fakeSteps, _) = Steps(fakes).sort(1);
        Tensor realSteps;
        using (no_grad()) (realSteps, _) = Steps(reals).sort(1);
        return fakeSteps.add(realSteps, Scalars.MinusOne).abs().mean();
    }

    /// <summary>Every neighbouring-pixel step of each image, [N, 3 ((H - 1) W + H (W - 1))].</summary>
    internal static Tensor Steps(Tensor images)
    {
        long h = images.shape[2], w = images.shape[3];
        var across = images.narrow(3, 1, w - 1).sub(images.narrow(3, 0, w - 1)).abs().flatten(1);
        var down = images.narrow(2, 1, h - 1).sub(images.narrow(2, 0, h - 1)).abs().flatten(1);
        return cat([across, down], 1);
    }

    /// <summary>Mean squared gradient norm of <paramref name="outputs"/> w.r.t. <paramref name="inputs"/> (R1 without gamma/2).</summary>
    public static Tensor GradientSquaredNorm(Tensor outputs, Tensor inputs)
    {
        var grads = autograd.grad(outputs: new[] { outputs.sum() }, inputs: new[] { inputs },
            grad_outputs: null, retain_graph: true, create_graph: true)[0];
        return grads.pow(Scalars.Two).sum(new long[] { 1, 2, 3 }).mean();
    }

    /// <summary>WGAN-GP gradient penalty ((|grad D(x_hat)| - 1)^2) on random interpolates.</summary>
    public static Tensor GradientPenalty(Func<Tensor, Tensor> discriminator, Tensor real, Tensor fake, Generator generator)
    {
        var eps = rand(new long[] { real.shape[0], 1, 1, 1 }, generator: generator).to(real.device);
        var mixed = (real.detach() * eps).add(fake.detach() * eps.neg().add(Scalars.One, Scalars.One), Scalars.One).requires_grad_(true);
        var scores = discriminator(mixed);
        var grads = autograd.grad(outputs: new[] { scores.sum() }, inputs: new[] { mixed },
            grad_outputs: null, retain_graph: true, create_graph: true)[0];
        return grads.flatten(1).pow(Scalars.Two).sum(1).add(Scalars.TinyEpsilon, Scalars.One).sqrt().sub(Scalars.One).pow(Scalars.Two).mean();
    }
}
