using ArtGallery.Gan.Conditioning;
using ArtGallery.Gan.Models;
using ArtGallery.Gan.Recipes.ProGan;
using ArtGallery.Gan.Training;
using ArtGallery.Imaging;
using System.Text.Json.Nodes;

namespace ArtGallery.Gan.Recipes.Conditioned;

/// <summary>
/// Instance conditioning (IC-GAN, Casanova et al. 2021) on progan's networks and growth: G and D see a descriptor of one
/// collection picture, D's reals are its nearest neighbours, and the generator carries the collection (ENGINE.md).
/// </summary>
internal sealed class ConditionedRecipe : GanRecipeBase
{
    public override RecipeInfo Info { get; } = new(GanRecipe.Conditioned, "conditioned",
        "Progressive GAN conditioned on the collection's pictures: every palette and layout, colours on request", 4);

    public override bool Grows => true;

    // The condition names the colours, which a colour op would contradict.
    public override string DefaultAugmentPolicy => "translation,cutout";

    protected override void ValidateRecipe(TrainingOptions options)
    {
        base.ValidateRecipe(options);
        var c = options.Conditioned;
        if (c.CollectionSize < 0 || c.CollectionSize > ConditionedOptions.MaxCollection)
            throw new ArgumentException($"Collection size must be 0..{ConditionedOptions.MaxCollection}.");
        if (c.Neighbours < 1 || c.Neighbours > 256) throw new ArgumentException("Neighbours must be 1..256.");
        // Rows of a multiple of 16 floats (64 bytes): CPU BLAS on narrower rows gave alignment-dependent last bits,
        // which broke bit-exact resume (measured with 8).
        if (c.EmbeddingSize < 16 || c.EmbeddingSize > 1024 || c.EmbeddingSize % 16 != 0)
            throw new ArgumentException("Embedding size must be a multiple of 16 in 16..1024.");
        if (c.CompositionSize < 0 || c.CompositionSize > CompositionCondition.MaxSize)
            throw new ArgumentException($"Composition size must be 0..{CompositionCondition.MaxSize}.");
        if (c.CompositionSize > 0 && c.CollectionSize != 0 && c.CompositionSize > c.CollectionSize)
            throw new ArgumentException($"A composition part of {c.CompositionSize} values needs at least as many pictures; the collection has {c.CollectionSize}.");
        if (!Enum.IsDefined(c.NeighboursBy)) throw new ArgumentException($"Unknown neighbour space {(int)c.NeighboursBy}.");
        if (!Enum.IsDefined(c.Loss)) throw new ArgumentException($"Unknown conditioned loss {(int)c.Loss}.");
        if (c.ModeSeekingWeight < 0) throw new ArgumentException("Mode-seeking weight must be 0 or positive.");
        if (c.ModeSeekingWeight > 0 && options.BatchSizes.Values.Any(b => b % 2 != 0)) throw new ArgumentException("Mode seeking needs even batch sizes.");
        if (c.ConsistencyWeight < 0 || !double.IsFinite(c.ConsistencyWeight)) throw new ArgumentException("Consistency weight must be 0 or positive.");
        if (c.EdgeWeight < 0 || !double.IsFinite(c.EdgeWeight)) throw new ArgumentException("Edge weight must be 0 or positive.");
        if (c.Gamma is < 0) throw new ArgumentException("Gamma must not be negative.");
        if (!Enum.IsDefined(c.SeedOrder)) throw new ArgumentException($"Unknown seed order {(int)c.SeedOrder}.");
    }

    /// <summary>A run saved before seeds walked a shuffle keeps the hashed order, so its URLs keep their pictures.</summary>
    public override TrainingOptions ReadStored(TrainingOptions options, JsonObject stored) =>
        stored[nameof(TrainingOptions.Conditioned)] is JsonObject saved && !saved.ContainsKey(nameof(ConditionedOptions.SeedOrder))
            ? options with { Conditioned = options.Conditioned with { SeedOrder = CollectionSeedOrder.Hashed } }
            : options;

    public override GanGenerator CreateGenerator(TrainingOptions options) =>
        new ProGenerator(options.EffectiveLatentSize, options.MaxResolution, Widths(options),
            (options.Conditioned.EmbeddingSize, options.Conditioned.CollectionSize, options.Conditioned.SeedOrder, options.Conditioned.ConditionSize));

    public override GanDiscriminator CreateDiscriminator(TrainingOptions options) =>
        new ProDiscriminator(options.MaxResolution, Widths(options), (options.Conditioned.EmbeddingSize, options.Conditioned.ConditionSize));

    /// <summary>Describes the dataset (from <paramref name="descriptorCache"/> when its images have not changed) and records
    /// its size: a conditioned model carries its collection, so the size is part of the options.</summary>
    public override RecipeStep CreateStep(TrainingOptions options, IImageDataset dataset, string? descriptorCache)
    {
        var conditions = DescriptorCache.Load(dataset, options.Conditioned.Neighbours, descriptorCache, options.Conditioned.NeighboursBy, options.Conditioned.CompositionSize);
        int stored = options.Conditioned.CollectionSize;
        if (stored != 0 && stored != conditions.Count)
            throw new ArgumentException($"This conditioned run was trained on {stored} pictures; the dataset now has {conditions.Count}.");
        return new ConditionedStep(options with { Conditioned = options.Conditioned with { CollectionSize = conditions.Count } }, conditions);
    }
}
