namespace ArtGallery.Imaging;

/// <summary>
/// Per-resolution cache of planar RGB images, filled lazily, thread-safe, under a byte budget.
/// Stores bytes rather than floats: the sources are 8-bit, so the values are identical and memory is 4x smaller.
/// When over budget the least recently used other resolution is dropped; if one resolution alone does not fit,
/// the overflow images are produced on demand instead of cached.
/// </summary>
internal sealed class PlaneCache(int count, long budgetBytes, Func<int, int, byte[]> produce)
{
    private static readonly float[] ToFloat = Enumerable.Range(0, 256).Select(b => b / 127.5f - 1f).ToArray();

    private readonly Lock gate = new();
    private readonly Dictionary<int, Slot> slots = [];
    private long bytes, clock;

    private sealed class Slot(int count)
    {
        public readonly byte[]?[] Items = new byte[]?[count];
        public long Bytes, LastUse;
    }

    /// <summary>Bytes currently held.</summary>
    public long Bytes { get { lock (gate) return this.bytes; } }

    /// <summary>Copies image <paramref name="index"/> at <paramref name="resolution"/> into CHW floats in [-1, 1].</summary>
    public void Read(int index, int resolution, Span<float> destination)
    {
        if ((uint)index >= (uint)count) throw new ArgumentOutOfRangeException(nameof(index), index, $"Index must be 0..{count - 1}.");
        if (resolution < 1) throw new ArgumentOutOfRangeException(nameof(resolution), resolution, "Resolution must be positive.");
        int length = 3 * resolution * resolution;
        if (destination.Length < length) throw new ArgumentException($"Destination needs {length} floats.", nameof(destination));

        byte[]? data;
        lock (gate) data = Touch(resolution).Items[index];
        if (data is null)
        {
            // Produce outside the lock: painting or decoding must not serialise readers of other images.
            var fresh = produce(index, resolution);
            lock (gate)
            {
                var slot = Touch(resolution);
                data = slot.Items[index];
                if (data is null)
                {
                    data = fresh;
                    if (Reserve(resolution, fresh.Length))
                    {
                        slot.Items[index] = fresh;
                        slot.Bytes += fresh.Length;
                    }
                }
            }
        }
        for (int i = 0; i < length; i++) destination[i] = ToFloat[data[i]];
    }

    private Slot Touch(int resolution)
    {
        if (!slots.TryGetValue(resolution, out var slot)) slots[resolution] = slot = new Slot(count);
        slot.LastUse = ++clock;
        return slot;
    }

    private bool Reserve(int resolution, long bytes)
    {
        while (this.bytes + bytes > budgetBytes)
        {
            var victim = slots.Where(kv => kv.Key != resolution && kv.Value.Bytes > 0).OrderBy(kv => kv.Value.LastUse).FirstOrDefault();
            if (victim.Value is null) return false;
            this.bytes -= victim.Value.Bytes;
            slots.Remove(victim.Key);
        }
        this.bytes += bytes;
        return true;
    }
}
