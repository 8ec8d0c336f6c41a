namespace ArtGallery.Imaging;

/// <summary>The built-in procedurally painted dataset: image i is family i % 8, painted from a seed derived from (seed, i).</summary>
public sealed class BuiltinAbstractDataset : ILabelledDataset
{
    /// <summary>The dataset spec name.</summary>
    public const string SpecName = "builtin:abstract";

    /// <summary>Default cache budget: 1,000 images at 128 px, or 16,000 at 32 px.</summary>
    public const long DefaultCacheBytes = 512L * 1024 * 1024;

    private static readonly ArtFamily[] Families = Enum.GetValues<ArtFamily>();
    private readonly PlaneCache cache;

    /// <summary>Creates <paramref name="count"/> images; the same (count, seed) always gives the same images.</summary>
    public BuiltinAbstractDataset(int count, int seed = 0, long cacheBytes = DefaultCacheBytes)
    {
        if (count < 1) throw new DatasetException($"The built-in dataset needs at least 1 image (count was {count}).");
        if (count > 10_000_000) throw new DatasetException($"The built-in dataset holds at most 10,000,000 images (count was {count}).");
        Count = count;
        Seed = seed;
        this.cache = new PlaneCache(count, cacheBytes, Produce);
    }

    /// <inheritdoc />
    public string Name => SpecName;

    /// <inheritdoc />
    public int Count { get; }

    /// <summary>The dataset seed.</summary>
    public int Seed { get; }

    /// <inheritdoc />
    public IReadOnlyList<string> Labels { get; } = Families.Select(f => f.ToString()).ToArray();

    /// <inheritdoc />
    public int LabelOf(int index) => (int)FamilyAt(index);

    /// <summary>The family of image <paramref name="index"/>.</summary>
    public ArtFamily FamilyAt(int index)
    {
        if ((uint)index >= (uint)Count) throw new ArgumentOutOfRangeException(nameof(index), index, $"Index must be 0..{Count - 1}.");
        return Families[index % Families.Length];
    }

    /// <summary>The painter seed of image <paramref name="index"/>.</summary>
    public int PaintSeedAt(int index) => (int)Rng.Mix(Seed, index);

    /// <inheritdoc />
    public void Read(int index, int resolution, Span<float> destination)
    {
        if (resolution > AbstractPainter.MaxResolution)
            throw new ArgumentOutOfRangeException(nameof(resolution), resolution, $"Resolution must be 1..{AbstractPainter.MaxResolution}.");
        this.cache.Read(index, resolution, destination);
    }

    private byte[] Produce(int index, int resolution)
    {
        var planar = new byte[3 * resolution * resolution];
        AbstractPainter.PaintPlanar(PaintSeedAt(index), resolution, FamilyAt(index), planar);
        return planar;
    }
}
