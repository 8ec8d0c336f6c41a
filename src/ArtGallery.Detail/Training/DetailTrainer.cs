using System.Diagnostics;
using ArtGallery.Detail.Network;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace ArtGallery.Detail.Training;

/// <summary>
/// Trains one pass's <see cref="DetailNet"/> on pairs made on the fly (high-resolution crop -> degradation -> passes before it
/// -> input) with L1, plus an FFT-magnitude term (<see cref="DetailTrainingOptions.FftWeight"/>), a ResNet-18 feature term
/// (<see cref="DetailTrainingOptions.FeatureWeight"/>) and an adversarial term against a U-Net discriminator trained beside it
/// (<see cref="DetailTrainingOptions.AdversarialWeight"/>) when set.
/// </summary>
public static class DetailTrainer
{
    /// <summary>Trains until the step or time budget is spent (blocking; call on a dedicated thread). The model returned holds
    /// the passes before <see cref="DetailTrainingOptions.Pass"/> (from <see cref="DetailTrainingOptions.Previous"/>), the new net, and the
    /// passes after it that the <see cref="DetailTrainingOptions.ContinueFrom"/> model has (so one pass of a cascade can be retrained alone).</summary>
    public static DetailModel Train(DetailTrainingOptions options, IHighResSource source, IProgress<DetailProgress>? progress = null, CancellationToken cancel = default)
    {
        options = options.Validated();
        if (options.Threads > 0) set_num_threads(options.Threads);
        var device = Gan.DeviceSelector.Pick(options.Device);
        using var previous = options.Previous is { } p ? LoadPrevious(p, options, device) : null;
        // The pool first: a stop while it is painted throws before any native weights exist. It draws nothing from torch's generator.
        IPairSampler pairs = options.Pass == 1 ? new PairSampler(options, source, cancel) : new CascadePairSampler(options, source, previous!, cancel);
        manual_seed(options.Seed);
        // Read once: it gives the starting net and, when it holds more passes than the one trained, the passes after it.
        using var start = options.ContinueFrom is { } path ? DetailModel.Load(path, device) : null;
        var (net, priorSteps, priorMinutes) = StartingNet(options, start, previous, device);
        using var rng = new Generator((ulong)options.Seed + 17);
        // The project's Adam: TorchSharp's Adam.step makes implicit Scalars a GC can free mid-call (ENGINE.md).
        using var adam = new Gan.Training.AdamOptimiser(net.parameters(), options.LearningRate, 0.9, 0.99, 1e-8);
        using var fftWeight = options.FftWeight.ToScalar();
        using var featureWeight = options.FeatureWeight.ToScalar();
        using var features = options.FeatureWeight > 0 ? new FeatureLoss(device) : null;
        using var adversarialWeight = options.AdversarialWeight.ToScalar();
        using var adversary = options.AdversarialWeight > 0 ? new AdversarialLoss(device) : null;
        var clock = Stopwatch.StartNew();
        double loss = double.NaN, bicubicLoss = double.NaN;
        int step = 0, skipped = 0;
        net.train();
        for (; ; step++)
        {
            double fraction = options.Steps is int total ? (double)step / total : clock.Elapsed.TotalMinutes / options.Minutes;
            if (fraction >= 1 || cancel.IsCancellationRequested) break;
            adam.LearningRate = options.LearningRate * (0.1 + 0.45 * (1 + Math.Cos(Math.PI * fraction)));
            using (var scope = NewDisposeScope())
            {
                var (input, target, conditions) = pairs.Next(step, rng, device);
                adam.zero_grad();
                var output = net.forward(net.WithConditions(input, conditions));
                var l1 = functional.l1_loss(output, target);
                var objective = options.FftWeight > 0 ? l1.add(FftMagnitudeLoss(output, target), fftWeight) : l1;
                if (features is not null) objective = objective.add(features.Loss(output, target), featureWeight);
                if (adversary is not null) objective = objective.add(adversary.GeneratorLoss(output), adversarialWeight);
                objective.backward();
                // A non-finite loss or gradient would poison the weights and Adam's moments: drop the step, count it.
                bool stepped = adam.StepIfFinite(objective);
                // The discriminator then learns from this step's output (Real-ESRGAN's order), with the same guard.
                bool criticStepped = adversary?.TrainDiscriminator(target, output) ?? true;
                if (!stepped || !criticStepped) skipped++;
                if (!stepped) continue;
                double value = l1.item<float>();
                loss = double.IsNaN(loss) ? value : 0.98 * loss + 0.02 * value;
                if (options.SampleEvery is int every && step % every == 0)
                    progress?.Report(SampleReport(net, input, target, conditions, step, clock, fraction, loss, bicubicLoss, skipped));
                if (step % 25 == 0)
                {
                    using var noGrad = no_grad();
                    double b = functional.l1_loss(functional.interpolate(input, scale_factor: [4.0, 4.0], mode: InterpolationMode.Bicubic, align_corners: false), target).item<float>();
                    bicubicLoss = double.IsNaN(bicubicLoss) ? b : 0.8 * bicubicLoss + 0.2 * b;
                    progress?.Report(new DetailProgress(step, clock.Elapsed.TotalSeconds, fraction, loss, bicubicLoss, skipped));
                }
            }
        }
        progress?.Report(new DetailProgress(step, clock.Elapsed.TotalSeconds, 1, loss, bicubicLoss, skipped));
        net.eval();
        var trained = new DetailPassInfo(net.Channels, net.Blocks, net.Conditions, priorSteps + step, priorMinutes + clock.Elapsed.TotalMinutes, loss,
            LossName(options));
        return Assemble(options, source.Name, previous, net, trained, start, device);
    }

    private static string LossName(DetailTrainingOptions o) => "l1"
        + (o.FftWeight > 0 ? FormattableString.Invariant($"+{o.FftWeight:0.###}*fft") : "")
        + (o.FeatureWeight > 0 ? FormattableString.Invariant($"+{o.FeatureWeight:0.###}*feature") : "")
        + (o.AdversarialWeight > 0 ? FormattableString.Invariant($"+{o.AdversarialWeight:0.###}*adv") : "");

    /// <summary>Mean absolute difference of the magnitudes of the orthonormal 2-D real FFTs (per channel).</summary>
    internal static Tensor FftMagnitudeLoss(Tensor output, Tensor target)
    {
        using var scope = NewDisposeScope();
        var a = fft.rfft2(output, norm: FFTNormType.Ortho).abs();
        var b = fft.rfft2(target, norm: FFTNormType.Ortho).abs();
        return functional.l1_loss(a, b).MoveToOuterDisposeScope();
    }

    private static DetailModel LoadPrevious(string path, DetailTrainingOptions options, Device device)
    {
        var model = DetailModel.Load(path, device);
        try
        {
            model.EnsureServes(options.GeneratorResolution);
            if (model.Nets.Count < options.Pass - 1)
                throw new InvalidDataException($"{path} holds {model.Nets.Count} pass net(s); pass {options.Pass} needs passes 1..{options.Pass - 1} before it.");
            return model;
        }
        catch { model.Dispose(); throw; }
    }

    /// <summary>The new net: from the --continue model's net for this pass; else the previous pass's features with a zero tail
    /// (exactly bicubic: that net re-run on its own output does worse than bicubic, issue 22's first A/B); else fresh.
    /// Condition weights a start lacks begin at zero, so training starts exactly where the start model was.</summary>
    private static (DetailNet Net, int Steps, double Minutes) StartingNet(DetailTrainingOptions options, DetailModel? start, DetailModel? previous,
        Device device)
    {
        int conditions = options.Conditioned ? DetailNet.ConditionCount : 0;
        start?.EnsureServes(options.GeneratorResolution);
        var from = start?.NetFor(options.Pass) ?? previous?.NetFor(options.Pass - 1);
        var net = new DetailNet(from?.Channels ?? options.Channels, from?.Blocks ?? options.Blocks, Math.Max(conditions, from?.Conditions ?? 0));
        net.to(device);
        if (from is not null) net.CopyFrom(from);
        if (start is null && from is not null) net.ResetResidual();
        var info = start is null ? null : start.Info.Nets[Math.Min(options.Pass, start.Info.Nets.Count) - 1];
        return (net, info?.Steps ?? 0, info?.Minutes ?? 0);
    }

    /// <summary>The model file: passes 1..k-1 of <paramref name="previous"/> (copied), the new net, then the nets of
    /// <paramref name="continued"/> for the passes after k (copied; none when it has no more nets than k); header format 2.</summary>
    private static DetailModel Assemble(DetailTrainingOptions options, string trainedOn, DetailModel? previous, DetailNet net, DetailPassInfo trained,
        DetailModel? continued, Device device)
    {
        var nets = new List<DetailNet>();
        var infos = new List<DetailPassInfo>();
        void Copy(DetailModel from, int pass)
        {
            var source = from.NetFor(pass);
            var copy = new DetailNet(source.Channels, source.Blocks, source.Conditions);
            copy.to(device);
            copy.CopyFrom(source);
            nets.Add(copy);
            infos.Add(from.Info.Nets[Math.Min(pass, from.Info.Nets.Count) - 1]);
        }
        for (int k = 1; k < options.Pass; k++) Copy(previous!, k);
        nets.Add(net);
        infos.Add(trained);
        for (int k = options.Pass + 1; continued is not null && k <= continued.Info.Nets.Count; k++) Copy(continued, k);
        var first = infos[0];
        var info = new DetailModelInfo(options.GeneratorResolution, first.Channels, first.Blocks, options.Profile, trainedOn,
            infos.Sum(i => i.Steps), infos.Sum(i => i.Minutes), trained.FinalLoss) { Passes = infos };
        return new DetailModel(nets, info, device);
    }

    // The batch's first pair through the net as it is now: a progress report carrying an LR | output | HR strip.
    private static DetailProgress SampleReport(DetailNet net, Tensor input, Tensor target, Tensor conditions, int step, Stopwatch clock, double fraction,
        double loss, double bicubicLoss, int skipped)
    {
        using var noGrad = no_grad();
        net.eval();
        var low = input.narrow(0, 0, 1);
        var output = net.forward(net.WithConditions(low, conditions.narrow(0, 0, 1)));
        net.train();
        var nearest = functional.interpolate(low, scale_factor: [4.0, 4.0], mode: InterpolationMode.Nearest);
        var strip = cat([nearest, output, target.narrow(0, 0, 1)], 3).squeeze(0).cpu().contiguous();
        int h = (int)strip.shape[1], w = (int)strip.shape[2];
        return new DetailProgress(step, clock.Elapsed.TotalSeconds, fraction, loss, bicubicLoss, skipped, new DetailStrip(strip.data<float>().ToArray(), w, h));
    }
}
