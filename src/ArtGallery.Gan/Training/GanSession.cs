using ArtGallery.Gan.Models;
using ArtGallery.Gan.Recipes;
using ArtGallery.Imaging;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ArtGallery.Gan.Training;

/// <summary>
/// Models, optimisers and counters of one run, and what every recipe's training shares (the step's frame, EMA, optimiser
/// resets, the finite-update guard, ADA); the recipe (<see cref="IGanRecipe"/>) builds the networks and runs the step.
/// No file I/O.
/// </summary>
internal sealed partial class GanSession : IDisposable
{
    private readonly GanRandom rng;
    private readonly RecipeStep step;
    private int optimiserResolution;

    /// <summary>A session on <paramref name="dataset"/>; <paramref name="descriptorCache"/> is where a recipe that describes the
    /// dataset (conditioned) keeps its descriptors between runs.</summary>
    public GanSession(TrainingOptions options, IImageDataset dataset, TrainingCounters? counters = null, string? descriptorCache = null)
    {
        GanRecipes.Validate(options);
        Recipe = GanRecipes.Of(options.Recipe);
        step = Recipe.CreateStep(options, dataset, descriptorCache);
        Options = options = step.Options;
        Schedule = new PhaseSchedule(options);
        Device = DeviceSelector.Pick(options.Device);
        Counters = counters ?? new TrainingCounters { RngState = (ulong)options.Seed * 7919 + 17, AugmentP = options.AugmentP };
        rng = new GanRandom(Counters.RngState);
        Sampler = new BatchSampler(dataset, rng);
        // Weights come from the run seed so two runs with the same options start identically.
        manual_seed(options.Seed);
        G = Recipe.CreateGenerator(options);
        D = Recipe.CreateDiscriminator(options);
        Ema = Recipe.CreateGenerator(options);
        step.Attach(this);
        G.to(Device); D.to(Device); Ema.to(Device);
        foreach (var p in Ema.parameters()) p.requires_grad = false;
        CopyWeights(G, Ema);
        var phase = Schedule.At(Counters.ImagesSeen);
        optimiserResolution = phase.Resolution;
        (OptG, OptD) = NewOptimisers();
        ApplyPhase();
    }

    /// <summary>Rebuilds a session from a checkpoint: weights, optimiser moments and counters.</summary>
    public static GanSession Restore(Checkpoints.CheckpointData data, IImageDataset dataset, string? descriptorCache = null)
    {
        var session = new GanSession(data.Options, dataset, data.Counters, descriptorCache);
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

    /// <summary>Rebuilds a session from a checkpoint with wider networks (<paramref name="wide"/>: its options with more
    /// channels in some stages, or a longer condition): the same function (<see cref="IWidenable"/>), the same counters, and
    /// the optimiser moments where only the condition grew (fresh ones for widened channels: the old ones do not fit them).</summary>
    public static GanSession RestoreWidened(Checkpoints.CheckpointData data, TrainingOptions wide, IImageDataset dataset, string? descriptorCache = null)
    {
        var narrow = data.Options;
        var session = new GanSession(wide, dataset, data.Counters, descriptorCache);
        try
        {
            // G and its EMA split their duplicated weights alike; D its own way.
            ulong seed = GanRandom.Mix(narrow.Seed, data.Counters.ImagesSeen);
            WidenInto(session.G, session.Recipe.CreateGenerator(narrow), data.Generator, seed);
            WidenInto(session.Ema, session.Recipe.CreateGenerator(narrow), data.EmaGenerator, seed);
            WidenInto(session.D, session.Recipe.CreateDiscriminator(narrow), data.Discriminator, seed + 1);
            // A longer condition keeps every moment (its new inputs' start at zero); widened channels start afresh.
            if (!(session.OptG.TryLoadGrown(data.GeneratorOptimiser) & session.OptD.TryLoadGrown(data.DiscriminatorOptimiser)))
                session.ResetOptimisers();
            return session;
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    private static void WidenInto(nn.Module wide, nn.Module narrow, byte[] state, ulong seed)
    {
        using (narrow)
        {
            if (wide is not IWidenable widenable) throw new ArgumentException($"{wide.GetType().Name} cannot be widened: only the progan and conditioned recipes' networks can.");
            Load(narrow, state);
            widenable.LoadWidened(narrow, new GanRandom(seed));
        }
    }

    internal static void Load(nn.Module module, byte[] state)
    {
        using var r = new BinaryReader(new MemoryStream(state));
        module.load(r, strict: true);
    }

    public TrainingOptions Options { get; }
    public IGanRecipe Recipe { get; }
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

    /// <summary>Draws the real images (uniform, mirrored, faded in); the step's RNG lives in the counters.</summary>
    internal BatchSampler Sampler { get; }

    /// <summary>The batch RNG (its state is in the counters), for recipes that pick their own reals.</summary>
    internal GanRandom Rng => rng;

    /// <summary>Torch RNG for latents and augmentation, reseeded every step from (seed, step).</summary>
    internal Generator TorchRng { get; } = new(0);

    /// <summary>Sets resolution and alpha on all networks; a new resolution gets fresh Adam state (ProGAN).</summary>
    public void ApplyPhase()
    {
        var phase = Phase;
        Counters.Phase = phase.Phase;
        foreach (var g in new[] { G, Ema }) (g.Resolution, g.Alpha) = (phase.Resolution, phase.Alpha);
        (D.Resolution, D.Alpha) = (phase.Resolution, phase.Alpha);
        if (phase.Resolution == optimiserResolution) return;
        optimiserResolution = phase.Resolution;
        ResetOptimisers();
    }

    private void ResetOptimisers()
    {
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
    internal Tensor Latents(int batch) => randn(new long[] { batch, G.LatentSize }, generator: TorchRng).to(Device);

    public void Dispose()
    {
        OptG.Dispose(); OptD.Dispose();
        G.Dispose(); D.Dispose(); Ema.Dispose();
        TorchRng.Dispose();
    }
}
