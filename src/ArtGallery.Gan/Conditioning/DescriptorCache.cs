using System.Runtime.InteropServices;
using System.Security.Cryptography;
using ArtGallery.Gan.Checkpoints;
using ArtGallery.Gan.Recipes.Conditioned;
using ArtGallery.Imaging;

namespace ArtGallery.Gan.Conditioning;

/// <summary>
/// A dataset's descriptors and nearest neighbours, computed once and kept in a file (".agdesc": magic, length, SHA-256,
/// payload, written atomically). The file is keyed by a SHA-256 of the dataset's pictures exactly as they are described
/// (every picture read at 32 px), so a changed, added, removed or reordered picture recomputes it, and a file that does
/// not match, or cannot be read or written, only costs the computation. Thumbnails are not stored: reading the
/// pictures for the key makes them.
/// </summary>
internal static class DescriptorCache
{
    private const string Magic = "AGDS0001";

    // Part of the key: a change to what a descriptor is must not reuse old files.
    private const string DescriptorKind = "palette 4x4x4 rooted + luminance 8x8 v1";

    /// <summary>The cache file of a run on <paramref name="datasetSpec"/>: beside a folder or zip dataset (shared by every run
    /// on it), in the run folder for the built-in one (painted, it has no folder of its own).</summary>
    public static string PathFor(string datasetSpec, string runDir) =>
        datasetSpec.StartsWith(BuiltinAbstractDataset.SpecName, StringComparison.OrdinalIgnoreCase)
            ? new Training.RunFolder(runDir).DescriptorCache
            : Path.TrimEndingDirectorySeparator(Path.GetFullPath(datasetSpec)) + ".agdesc";

    /// <summary>The described collection of <paramref name="dataset"/> (conditions with a composition part of
    /// <paramref name="compositionSize"/> values), from <paramref name="path"/> when it matches the pictures (then
    /// <see cref="ConditionSet.Described"/> is 0), else computed and written there.</summary>
    public static ConditionSet Load(IImageDataset dataset, int neighbours, string? path, NeighbourSpace space = NeighbourSpace.Descriptor, int compositionSize = 0)
    {
        bool composition = space == NeighbourSpace.Composition;
        int conditionSize = ConditionDescriptor.Size + compositionSize;
        int side = ConditionDescriptor.Resolution;
        var thumbnails = new byte[dataset.Count][];
        var chw = new float[3 * side * side];
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        // Composition neighbours get their own key (a descriptor-only file keeps its old one).
        hash.AppendData(System.Text.Encoding.UTF8.GetBytes($"{DescriptorKind}{(composition ? "|neighbours by composition: ResNet-18 grey 64 px v1" : "")}" +
            $"{(compositionSize > 0 ? $"|composition part: ResNet-18 grey 64 px, top {compositionSize} components v1" : "")}|{dataset.Count}|{side}|"));
        for (int i = 0; i < dataset.Count; i++)
        {
            dataset.Read(i, side, chw);
            hash.AppendData(MemoryMarshal.AsBytes(chw.AsSpan()));
            thumbnails[i] = ConditionSet.ToBytes(chw);
        }
        var key = hash.GetHashAndReset();
        if (path is not null && TryRead(path, key, dataset.Count, conditionSize, neighbours, recomputeNeighbours: !composition) is var (cached, near))
            return new ConditionSet(cached, thumbnails, near, described: 0);
        var descriptors = new float[dataset.Count][];
        for (int i = 0; i < dataset.Count; i++)
        {
            dataset.Read(i, side, chw);
            descriptors[i] = ConditionDescriptor.Describe(chw, side);
        }
        var features = composition || compositionSize > 0 ? CompositionNeighbours.Features(dataset) : null;
        var conditions = compositionSize > 0 ? CompositionCondition.Append(descriptors, CompositionCondition.Project(features!, compositionSize)) : descriptors;
        // Composition neighbours weigh the descriptor and the full features; descriptor neighbours the whole condition.
        var nearest = composition
            ? CompositionNeighbours.Nearest(descriptors, features!, neighbours)
            : ConditionSet.NearestNeighbours(conditions, neighbours);
        var set = new ConditionSet(conditions, thumbnails, nearest, dataset.Count);
        if (path is not null) TryWrite(path, key, set);
        return set;
    }

    private static (float[][], int[][])? TryRead(string path, byte[] key, int count, int conditionSize, int neighbours, bool recomputeNeighbours)
    {
        if (!File.Exists(path)) return null;
        try
        {
            using var r = new BinaryReader(new MemoryStream(HashedFile.Read(path, Magic)));
            if (!r.ReadBytes(key.Length).AsSpan().SequenceEqual(key) || r.ReadInt32() != count || r.ReadInt32() != conditionSize) return null;
            int k = r.ReadInt32();
            var descriptors = new float[count][];
            for (int i = 0; i < count; i++) descriptors[i] = MemoryMarshal.Cast<byte, float>(r.ReadBytes(4 * conditionSize)).ToArray();
            // Neighbours for another k are recomputed from the stored descriptors (the cheap part); composition ones need the pictures.
            if (k != Math.Min(neighbours, count)) return recomputeNeighbours ? (descriptors, ConditionSet.NearestNeighbours(descriptors, neighbours)) : null;
            var near = new int[count][];
            for (int i = 0; i < count; i++) near[i] = MemoryMarshal.Cast<byte, int>(r.ReadBytes(4 * k)).ToArray();
            return (descriptors, near);
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static void TryWrite(string path, byte[] key, ConditionSet set)
    {
        using var ms = new MemoryStream();
        using (var w = new BinaryWriter(ms, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            w.Write(key);
            w.Write(set.Count);
            w.Write(set.ConditionSize);
            w.Write(set.Neighbours[0].Length);
            foreach (var d in set.Descriptors) w.Write(MemoryMarshal.AsBytes(d.AsSpan()));
            foreach (var n in set.Neighbours) w.Write(MemoryMarshal.AsBytes(n.AsSpan()));
        }
        // A read-only dataset folder only means the next run computes them again.
        try { HashedFile.Write(path, Magic, ms.ToArray()); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
    }
}
