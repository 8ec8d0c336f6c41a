using ArtGallery.Gan.Models;
using ArtGallery.Imaging;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ArtGallery.Gan.Training;

/// <summary>Models, optimisers and counters of one run, and the training step; no file I/O.</summary>
internal sealed partial class GanSession : IDisposable
{
    private readonly Generator torchRng = new(0);
    private readonly GanRandom rng;
    private readonly BatchSampler sampler;
    private readonly Conditioning.ConditionSet? conditions;
    private int optimiserResolution;

    public GanSession(TrainingOptions options, IImageDataset dataset, TrainingCounters? counters = null)
    {
        options.Validate();
        if (options.Recipe == GanRecipe.Conditioned)
        {
            conditions = Conditioning.ConditionSet.Describe(dataset, options.Conditioned.Neighbours);
            options = WithCollection(options, conditions.Count);
        }
        Options = options;
        Schedule = new PhaseSchedule(options);
        Device = DeviceSelector.Pick(options.Device);
        Counters = counters ?? new TrainingCounters { RngState = (ulong)options.Seed * 7919 + 17, AugmentP = options.AugmentP };
        rng = new GanRandom(Counters.RngState);
        sampler = new BatchSampler(dataset, rng);
        // Weights come from the run seed so two runs with the same options start identically.
        manual_seed(options.Seed);
        G = ModelFactory.CreateGenerator(options);
        D = ModelFactory.CreateDiscriminator(options);
        Ema = ModelFactory.CreateGenerator(options);
        G.Collection?.Fill(conditions!);
        G.to(Device); D.to(Device); Ema.to(Device);
        foreach (var p in Ema.parameters()) p.requires_grad = false;
        CopyWeights(G, Ema);
        var phase = Schedule.At(Counters.ImagesSeen);
        optimiserResolution = phase.Resolution;
        (OptG, OptD) = NewOptimisers();
        ApplyPhase();
    }

    // A conditioned model carries its collection, so its size is part of the options; a resumed run must see the same one.
    private static TrainingOptions WithCollection(TrainingOptions options, int count)
    {
        int stored = options.Conditioned.CollectionSize;
        if (stored != 0 && stored != count)
            throw new ArgumentException($"This conditioned run was trained on {stored} pictures; the dataset now has {count}.");
        return options with { Conditioned = options.Conditioned with { CollectionSize = count } };
    }

    /// <summary>Rebuilds a session from a checkpoint: weights, optimiser moments and counters.</summary>
    public static GanSession Restore(Checkpoints.CheckpointData data, IImageDataset dataset)
    {
        var session = new GanSession(data.Options, dataset, data.Counters);
        try
        {
            Load(session.G, data.Generator);
            Load(session.Ema, data.EmaGenerator);
            Load(session.D, data.Discriminator);
            session.OptG.Load(data.GeneratorOptimiser);
            session.OptD.Load(data.DiscriminatorOptimiser);
            return session;
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    internal static void Load(nn.Module module, byte[] state)
    {
        using var r = new BinaryReader(new MemoryStream(state));
        module.load(r, strict: true);
    }

    public TrainingOptions Options { get; }
    public PhaseSchedule Schedule { get; }
    public Device Device { get; }
    public TrainingCounters Counters { get; }
    public GanGenerator G { get; }
    public GanGenerator Ema { get; }
    public GanDiscriminator D { get; }
    public AdamOptimiser OptG { get; private set; }
    public AdamOptimiser OptD { get; private set; }
    public PhaseInfo Phase => Schedule.At(Counters.ImagesSeen);
    public bool Finished => Counters.ImagesSeen >= Schedule.TotalImages;
    public int BatchSize => Options.BatchAt(Phase.Resolution);

    /// <summary>Sets resolution and alpha on all networks; a new resolution gets fresh Adam state (ProGAN).</summary>
    public void ApplyPhase()
    {
        var phase = Phase;
        Counters.Phase = phase.Phase;
        foreach (var g in new[] { G, Ema }) (g.Resolution, g.Alpha) = (phase.Resolution, phase.Alpha);
        (D.Resolution, D.Alpha) = (phase.Resolution, phase.Alpha);
        if (phase.Resolution == optimiserResolution) return;
        optimiserResolution = phase.Resolution;
        OptG.Dispose();
        OptD.Dispose();
        (OptG, OptD) = NewOptimisers();
    }

    private (AdamOptimiser, AdamOptimiser) NewOptimisers()
    {
        var (b1, b2) = Options.Betas;
        double lr = Options.EffectiveLearningRate;
        return (new AdamOptimiser(G.parameters(), lr, b1, b2, 1e-8), new AdamOptimiser(D.parameters(), lr, b1, b2, 1e-8));
    }

    /// <summary>EMA of G's weights (half-life in kimg, with ramp-up); buffers (BN statistics) are copied.</summary>
    private void UpdateEma(int batch)
    {
        double halfLife = Options.EmaHalfLifeAt(Phase.Resolution) * 1000;
        if (Options.EmaRampup > 0) halfLife = Math.Min(halfLife, Counters.ImagesSeen * Options.EmaRampup);
        double beta = halfLife > 0 ? Math.Pow(0.5, batch / halfLife) : 0;
        using var noGrad = no_grad();
        using Tensor weight = 1 - beta; // one 0-dim tensor (lerp_ takes a tensor weight), freed after the loop
        foreach (var (e, p) in Ema.parameters().Zip(G.parameters())) e.lerp_(p, weight);
        foreach (var (e, b) in Ema.buffers().Zip(G.buffers())) e.copy_(b);
    }

    internal static void CopyWeights(nn.Module from, nn.Module to)
    {
        using var noGrad = no_grad();
        foreach (var (t, f) in to.parameters().Zip(from.parameters())) t.copy_(f);
        foreach (var (t, f) in to.buffers().Zip(from.buffers())) t.copy_(f);
    }

    /// <summary>Draws fresh latents (CPU generator, then moved) for the current step.</summary>
    private Tensor Latents(int batch) => randn(new long[] { batch, G.LatentSize }, generator: torchRng).to(Device);

    public void Dispose()
    {
        OptG.Dispose(); OptD.Dispose();
        G.Dispose(); D.Dispose(); Ema.Dispose();
        torchRng.Dispose();
    }
}
