using ArtGallery.Gan.Training;
using static TorchSharp.torch;

namespace ArtGallery.Gan.Conditioning;

/// <summary>
/// The collection a conditioned generator was trained on, carried as buffers of the generator (so checkpoints, model
/// files and model ids include it): every picture's descriptor and a 32 px thumbnail. An artwork's seed picks its
/// collection picture (<see cref="CollectionSeedOrder"/>), so the gallery covers the collection uniformly and every URL
/// still reproduces its picture.
/// </summary>
public sealed class ConditionCollection : nn.Module
{
    private readonly Tensor descriptors;
    private readonly Tensor thumbnails;
    private readonly int[]? shuffle;
    private float[][]? descriptorCache;

    /// <summary>A collection of <paramref name="count"/> pictures with conditions of <paramref name="conditionSize"/> values.</summary>
    public ConditionCollection(int count, CollectionSeedOrder order, int conditionSize) : base(nameof(ConditionCollection))
    {
        if (count < 1) throw new ArgumentException("A conditioned model needs a collection of at least one picture.");
        if (!Enum.IsDefined(order)) throw new ArgumentOutOfRangeException(nameof(order), order, "Unknown seed order.");
        if (conditionSize < ConditionDescriptor.Size) throw new ArgumentException($"A condition has at least the {ConditionDescriptor.Size} descriptor values.");
        Count = count;
        Order = order;
        ConditionSize = conditionSize;
        if (order == CollectionSeedOrder.Shuffled) shuffle = Shuffle(count);
        int side = ConditionSet.ThumbnailSide;
        descriptors = zeros(count, conditionSize).DetachFromDisposeScope();
        thumbnails = zeros([count, 3, side, side], ScalarType.Byte).DetachFromDisposeScope();
        register_buffer("descriptors", descriptors);
        register_buffer("thumbnails", thumbnails);
    }

    /// <summary>Pictures in the collection.</summary>
    public int Count { get; }

    /// <summary>Values in each picture's condition: its descriptor, then any composition part (<see cref="CompositionCondition"/>).</summary>
    public int ConditionSize { get; }

    /// <summary>How seeds pick pictures.</summary>
    public CollectionSeedOrder Order { get; }

    /// <summary>Copies a described collection in (a fresh run).</summary>
    public void Fill(ConditionSet set)
    {
        if (set.Count != Count) throw new ArgumentException($"The collection holds {Count} pictures, the dataset {set.Count}.");
        if (set.ConditionSize != ConditionSize) throw new ArgumentException($"The collection's conditions have {ConditionSize} values, the dataset's {set.ConditionSize}.");
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        descriptors.copy_(tensor(set.Descriptors.SelectMany(d => d).ToArray(), [Count, ConditionSize]));
        thumbnails.copy_(tensor(set.Thumbnails.SelectMany(t => t).ToArray(), [Count, 3, ConditionSet.ThumbnailSide, ConditionSet.ThumbnailSide]));
        descriptorCache = null;
    }

    /// <summary>Copies another model's collection of the same size in (a widened generator keeps its collection). Its
    /// conditions may be shorter (a condition that gained a composition part): they fill the first values of each, and the
    /// rest stays as filled from the dataset.</summary>
    public void CopyFrom(ConditionCollection other)
    {
        if (other.Count != Count) throw new ArgumentException($"The collection holds {Count} pictures, the other {other.Count}.");
        if (other.ConditionSize > ConditionSize) throw new ArgumentException($"The collection's conditions have {ConditionSize} values, the other's {other.ConditionSize}.");
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        descriptors.narrow(1, 0, other.ConditionSize).copy_(other.descriptors);
        thumbnails.copy_(other.thumbnails);
        descriptorCache = null;
    }

    /// <summary>The collection picture an artwork seed draws around (uniform over the collection).</summary>
    public int IndexFor(long seed) => shuffle is null
        ? (int)(GanRandom.Mix(seed, SeedSalt) % (ulong)Count)
        : shuffle[(int)((seed % Count + Count) % Count)];

    private const long SeedSalt = 0xC011EC7;

    // Fisher-Yates with a fixed hash for its draws: the same collection size always gives the same order.
    private static int[] Shuffle(int count)
    {
        var order = Enumerable.Range(0, count).ToArray();
        for (int i = count - 1; i > 0; i--)
        {
            int j = (int)(GanRandom.Mix(i, SeedSalt) % (ulong)(i + 1));
            (order[i], order[j]) = (order[j], order[i]);
        }
        return order;
    }

    /// <summary>Condition of picture <paramref name="index"/>: its descriptor, then any composition part.</summary>
    public float[] Descriptor(int index) => Descriptors()[CheckIndex(index)];

    /// <summary>Thumbnail of picture <paramref name="index"/>: planar RGB bytes, 3 x 32 x 32.</summary>
    public byte[] Thumbnail(int index)
    {
        using var scope = NewDisposeScope();
        return thumbnails[CheckIndex(index)].cpu().contiguous().data<byte>().ToArray();
    }

    // Read once per load: weights are loaded after construction, so the cache fills on first use.
    private float[][] Descriptors()
    {
        if (descriptorCache is { } cached) return cached;
        using var scope = NewDisposeScope();
        var flat = descriptors.cpu().contiguous().data<float>().ToArray();
        return descriptorCache = [.. Enumerable.Range(0, Count).Select(i => flat.AsSpan(i * ConditionSize, ConditionSize).ToArray())];
    }

    private int CheckIndex(int index) =>
        index >= 0 && index < Count ? index : throw new ArgumentOutOfRangeException(nameof(index), $"The collection has pictures 0..{Count - 1}.");
}
