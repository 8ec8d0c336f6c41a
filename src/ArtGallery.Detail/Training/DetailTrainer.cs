using System.Diagnostics;
using ArtGallery.Detail.Network;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace ArtGallery.Detail.Training;

/// <summary>Trains a <see cref="DetailNet"/> with L1 on pairs made on the fly: high-resolution crop -> degradation -> input.</summary>
public static class DetailTrainer
{
    /// <summary>Trains until the step or time budget is spent (blocking; call on a dedicated thread).</summary>
    public static DetailModel Train(DetailTrainingOptions options, IHighResSource source, IProgress<DetailProgress>? progress = null, CancellationToken cancel = default)
    {
        options = options.Validated();
        if (options.Threads > 0) set_num_threads(options.Threads);
        var device = Gan.DeviceSelector.Pick(options.Device);
        // The pool first: a stop while it is painted throws before any native weights exist. It draws nothing from torch's generator.
        var pairs = new PairSampler(options, source, cancel);
        manual_seed(options.Seed);
        var (net, priorSteps, priorMinutes) = StartingNet(ref options, device);
        using var rng = new Generator((ulong)options.Seed + 17);
        // The project's Adam: TorchSharp's Adam.step makes implicit Scalars a GC can free mid-call (ENGINE.md).
        using var adam = new Gan.Training.AdamOptimiser(net.parameters(), options.LearningRate, 0.9, 0.99, 1e-8);
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
                var (input, target) = pairs.Next(step, rng, device);
                adam.zero_grad();
                var output = net.forward(input);
                var l1 = functional.l1_loss(output, target);
                l1.backward();
                // A non-finite loss or gradient would poison the weights and Adam's moments: drop the step, count it.
                if (!adam.StepIfFinite(l1)) { skipped++; continue; }
                double value = l1.item<float>();
                loss = double.IsNaN(loss) ? value : 0.98 * loss + 0.02 * value;
                if (options.SampleEvery is int every && step % every == 0) progress?.Report(SampleReport(net, input, target, step, clock, fraction, loss, bicubicLoss, skipped));
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
        var info = new DetailModelInfo(options.GeneratorResolution, options.Channels, options.Blocks, options.Profile, source.Name,
            priorSteps + step, priorMinutes + clock.Elapsed.TotalMinutes, loss);
        return new DetailModel(net, info, device);
    }

    // The batch's first pair through the net as it is now: a progress report carrying an LR | output | HR strip.
    private static DetailProgress SampleReport(DetailNet net, Tensor input, Tensor target, int step, Stopwatch clock, double fraction,
        double loss, double bicubicLoss, int skipped)
    {
        using var noGrad = no_grad();
        net.eval();
        var low = input.narrow(0, 0, 1);
        var output = net.forward(low);
        net.train();
        var nearest = functional.interpolate(low, scale_factor: [4.0, 4.0], mode: InterpolationMode.Nearest);
        var strip = cat([nearest, output, target.narrow(0, 0, 1)], 3).squeeze(0).cpu().contiguous();
        int h = (int)strip.shape[1], w = (int)strip.shape[2];
        return new DetailProgress(step, clock.Elapsed.TotalSeconds, fraction, loss, bicubicLoss, skipped, new DetailStrip(strip.data<float>().ToArray(), w, h));
    }

    /// <summary>Fresh weights, or the weights (and architecture) of the model to continue from.</summary>
    private static (DetailNet Net, int Steps, double Minutes) StartingNet(ref DetailTrainingOptions options, Device device)
    {
        if (options.ContinueFrom is not { } path)
        {
            var fresh = new DetailNet(options.Channels, options.Blocks);
            fresh.to(device);
            return (fresh, 0, 0);
        }
        var start = DetailModel.Load(path, device);
        try { start.EnsureServes(options.GeneratorResolution); }
        catch { start.Dispose(); throw; } // refused: its native weights go now, not at some finalizer
        options = options with { Channels = start.Info.Channels, Blocks = start.Info.Blocks };
        return (start.Net, start.Info.Steps, start.Info.Minutes);
    }
}
