using ArtGallery.Gan.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace ArtGallery.Detail.Training;

/// <summary>
/// Real-ESRGAN's texture term: a <see cref="UNetDiscriminator"/> trained beside the detail net with the non-saturating
/// logistic loss (BCE with logits: targets real, the net's detached outputs fake), and for the net softplus(-D(output))
/// averaged over every pixel. The discriminator has its own Adam (lr 1e-4, betas 0.9/0.99, constant) and is thrown
/// away after training: only the detail net ships.
/// </summary>
internal sealed class AdversarialLoss : IDisposable
{
    /// <summary>The discriminator's Adam step size (Real-ESRGAN's).</summary>
    public const double LearningRate = 1e-4;

    private readonly UNetDiscriminator critic;
    private readonly AdamOptimiser adam;

    public AdversarialLoss(Device device, int width = 16)
    {
        critic = new UNetDiscriminator(width);
        critic.to(device);
        critic.train();
        adam = new AdamOptimiser(critic.parameters(), LearningRate, 0.9, 0.99, 1e-8);
    }

    /// <summary>The discriminator being trained (tests read its spectral-norm layers).</summary>
    internal UNetDiscriminator Discriminator => critic;

    /// <summary>The net's term for <paramref name="output"/> (N, 3, H, W) in [-1, 1]: softplus(-D(output)), mean. The
    /// discriminator's weights collect no gradient from it.</summary>
    public Tensor GeneratorLoss(Tensor output)
    {
        SetTrainable(false);
        try { return GanLosses.LogisticG(critic.forward(output)); }
        finally { SetTrainable(true); }
    }

    /// <summary>One discriminator update: <paramref name="target"/> real, <paramref name="output"/> (detached here) fake.
    /// False when its loss or a gradient is not finite (the update is dropped, as the net's).</summary>
    public bool TrainDiscriminator(Tensor target, Tensor output)
    {
        using var scope = NewDisposeScope();
        adam.zero_grad();
        var loss = GanLosses.LogisticD(critic.forward(target), critic.forward(output.detach()));
        loss.backward();
        return adam.StepIfFinite(loss);
    }

    private void SetTrainable(bool trainable)
    {
        foreach (var p in critic.parameters()) p.requires_grad = trainable;
    }

    public void Dispose()
    {
        adam.Dispose();
        critic.Dispose();
    }
}
