using ArtGallery.Gan.Checkpoints;
using ArtGallery.Gan.Conditioning;
using ArtGallery.Gan.Models;
using ArtGallery.Gan.Recipes;
using ArtGallery.Gan.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace ArtGallery.Gan.Sampling;

/// <summary>The EMA generator of a run, checkpoint or .agmodel, for rendering. Not thread-safe: one instance per worker thread.</summary>
public sealed class ArtGenerator : IDisposable
{
    private const int MeanSamples = 2048;

    // Noises per condition for a conditioned model's truncation anchor: its picture's mean code block.
    private const int ConditionMeanSamples = 32;
    private readonly GanGenerator g;
    private readonly Device device;
    private readonly Tensor meanCode;

    private ArtGenerator(ModelBlob model, Device? device)
    {
        // Sampling picks its own device: a model trained on a GPU must still load on a CPU-only web host.
        this.device = device ?? DeviceSelector.Pick("auto");
        Options = model.Options;
        ModelId = model.ModelId;
        g = ModelFactory.CreateGenerator(model.Options);
        if (model.Weights.Length > 0) GanSession.Load(g, model.Weights);
        g.to(this.device);
        (g.Resolution, g.Alpha) = (model.Resolution, model.Alpha);
        g.eval();
        // The mean code anchors truncation; estimated once from fixed seeds so it is the same on every load.
        var codes = CodesFor(Enumerable.Range(0, MeanSamples).Select(i => LatentFor(-1 - i)).ToArray());
        meanCode = tensor(Average(codes), device: this.device);
    }

    /// <summary>
    /// Loads a run folder (newest good checkpoint, else a single .agmodel in it), a .agck or a .agmodel file. A file out of
    /// <see cref="ModelLimits"/> or whose weights do not fit its options throws <see cref="InvalidDataException"/>
    /// ("damaged model file: ..."), never a libtorch error.
    /// </summary>
    public static ArtGenerator Load(string path, Device? device = null)
    {
        var model = ReadModel(path);
        try
        {
            return new(model, device);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Within the limits but inconsistent (weights of another shape, a truncated tensor): libtorch's message is C++ frames.
            throw new InvalidDataException($"damaged model file: {path}: its weights do not match the network its options describe.", e);
        }
    }

    /// <summary>A freshly initialised (untrained) generator, for benchmarks.</summary>
    public static ArtGenerator CreateUntrained(TrainingOptions options, int resolution, Device? device = null)
    {
        manual_seed(options.Seed);
        return new(new ModelBlob((options with { MaxResolution = resolution }).ToJson(), resolution, 1, []), device);
    }

    /// <summary>Writes a small .agmodel (options + EMA generator) from a checkpoint or run folder; returns its ModelId.
    /// <paramref name="seedOrder"/> re-chooses how a conditioned model's seeds pick pictures (a new model id).</summary>
    public static string Export(string checkpointOrRunDir, string modelPath, CollectionSeedOrder? seedOrder = null)
    {
        var model = ReadModel(checkpointOrRunDir);
        if (seedOrder is { } order)
        {
            var options = model.Options;
            if (options.Recipe != GanRecipe.Conditioned)
                throw new ArgumentException($"The seed order is a conditioned model's setting; {checkpointOrRunDir} is {GanRecipes.Info(options.Recipe).Name}.");
            model = model with { OptionsJson = (options with { Conditioned = options.Conditioned with { SeedOrder = order } }).ToJson() };
        }
        ModelFile.Write(modelPath, model);
        return model.ModelId;
    }

    private static ModelBlob ReadModel(string path)
    {
        if (Directory.Exists(path))
        {
            var data = CheckpointStore.LoadLatest(path);
            if (data is not null) return Bounded(data.Model, data.Path);
            var models = Directory.GetFiles(path, "*.agmodel");
            if (models.Length == 1) return ModelFile.Read(models[0]);
            throw new FileNotFoundException($"{path} holds no readable checkpoint or single .agmodel.");
        }
        if (!File.Exists(path)) throw new FileNotFoundException($"{path} does not exist.", path);
        return path.EndsWith(".agmodel", StringComparison.OrdinalIgnoreCase) ? ModelFile.Read(path) : Bounded(ReadCheckpoint(path).Model, path);
    }

    private static CheckpointData ReadCheckpoint(string path)
    {
        try { return CheckpointFile.Read(path); }
        catch (Exception e) when (ModelFile.IsLayoutError(e)) { throw ModelFile.Damaged(path, e); }
    }

    private static ModelBlob Bounded(ModelBlob model, string path)
    {
        ModelLimits.Check(model, path);
        return model;
    }

    /// <summary>Options the model was trained with.</summary>
    public TrainingOptions Options { get; }

    /// <summary>Output side in pixels.</summary>
    public int Resolution => g.Resolution;

    /// <summary>Latent length.</summary>
    public int LatentSize => g.LatentSize;

    /// <summary>Code (edit space) length.</summary>
    public int CodeSize => g.CodeSize;

    /// <summary>The leading part of the code that principal edit directions move (all of it for an unconditioned model).</summary>
    public int EditableCodeSize => g.EditableCodeSize;

    /// <summary>Short hex id derived from the model's content; equal for a checkpoint and its export.</summary>
    public string ModelId { get; }

    /// <summary>The latent for a seed: the same on every machine and every call. A conditioned model's latent carries the
    /// seed's collection picture, or picture <paramref name="like"/>.</summary>
    public float[] LatentFor(long seed, int? like = null) => g.LatentFor(seed, like);

    /// <summary>The collection a conditioned model draws around; null when it was trained without conditions.</summary>
    public ConditionCollection? Collection => g.Collection;

    /// <summary>Codes of several latents.</summary>
    public float[][] CodesFor(IReadOnlyList<float[]> latents)
    {
        Check(latents, LatentSize, "latent");
        return Rendering.Map(g, latents, device, g.Code, 256);
    }

    /// <summary>Renders one image: CHW floats in [-1, 1]. Truncation lerps the code towards the mean code by psi; a
    /// <paramref name="palette"/> (RGB 0..1, conditioned models) recolours the result (<see cref="PaletteTransfer"/>).</summary>
    public float[] Render(float[] latent, float truncation = 1f, float[]? codeOffset = null, IReadOnlyList<(float R, float G, float B)>? palette = null) =>
        RenderBatch([latent], truncation, codeOffset, palette)[0];

    /// <summary>Renders several latents with the same truncation, code offset and palette.</summary>
    public float[][] RenderBatch(IReadOnlyList<float[]> latents, float truncation = 1f, float[]? codeOffset = null,
        IReadOnlyList<(float R, float G, float B)>? palette = null)
    {
        Check(latents, LatentSize, "latent");
        if (codeOffset is not null && codeOffset.Length != CodeSize) throw new ArgumentException($"Code offset must have {CodeSize} values.");
        if (palette is not null && Collection is null) throw new InvalidOperationException("This model was trained without conditions: it has no collection or palettes.");
        using var psi = truncation.ToScalar();
        var images = Rendering.Map(g, latents, device, z =>
        {
            var code = Collection is not null && truncation != 1f ? TruncatedToCondition(z, psi) : meanCode.add(g.Code(z) - meanCode, psi); // mean + psi (code - mean)
            if (codeOffset is not null) code = code.add(tensor(codeOffset, device: device), Scalars.One);
            return g.Synthesize(code).clamp(Scalars.MinusOne, Scalars.One);
        });
        return palette is null ? images : [.. images.Select(image => PaletteTransfer.Apply(image, Resolution, palette))];
    }

    /// <summary>
    /// A conditioned model's truncation: the code block moves towards the mean block of its own picture (over fixed
    /// noises) and the condition's embedding stays. The overall mean code would pull every picture towards the average
    /// condition, so a "calmer" artwork lost its colours and its likeness (IC-GAN truncates the noise, not the instance).
    /// </summary>
    private Tensor TruncatedToCondition(Tensor latents, Scalar psi)
    {
        using var scope = NewDisposeScope();
        long n = latents.shape[0];
        int noiseSize = LatentSize - g.ConditionSize, editable = g.EditableCodeSize;
        var noises = tensor(Enumerable.Range(0, ConditionMeanSamples).SelectMany(i => Rendering.Latent(-1 - i, noiseSize)).ToArray(),
            [ConditionMeanSamples, noiseSize], device: latents.device);
        var conditions = latents.narrow(1, noiseSize, g.ConditionSize);
        var paired = cat([noises.repeat(n, 1), conditions.repeat_interleave(ConditionMeanSamples, 0)], 1);
        var mean = g.Code(paired).narrow(1, 0, editable).reshape(n, ConditionMeanSamples, editable).mean([1L]);
        var code = g.Code(latents);
        var block = code.narrow(1, 0, editable);
        return cat([mean.add(block - mean, psi), code.narrow(1, editable, CodeSize - editable)], 1).MoveToOuterDisposeScope();
    }

    private static void Check(IReadOnlyList<float[]> rows, int size, string what)
    {
        foreach (var row in rows)
            if (row.Length != size) throw new ArgumentException($"Each {what} must have {size} values, got {row.Length}.");
    }

    private static float[] Average(float[][] rows)
    {
        var mean = new float[rows[0].Length];
        foreach (var row in rows)
            for (int i = 0; i < mean.Length; i++) mean[i] += row[i] / rows.Length;
        return mean;
    }

    /// <summary>Frees the native model.</summary>
    public void Dispose()
    {
        meanCode.Dispose();
        g.Dispose();
    }
}
