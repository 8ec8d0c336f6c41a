using System.Numerics.Tensors;
using System.Text.Json;
using ArtGallery.Gan.Sampling;

namespace ArtGallery.Web.Rendering;

/// <summary>Edit directions of one model (8 principal + 4 attribute), each with the code std used to scale sliders.</summary>
public sealed record LatentDirections(string ModelId, Dictionary<string, float[]> Vectors, Dictionary<string, double> StdDevs)
{
    /// <summary>Code offset for edits given in standard deviations.</summary>
    public float[]? OffsetFor(ArtworkEdits edits, int codeSize)
    {
        if (edits.IsEmpty) return null;
        var offset = new float[codeSize];
        foreach (var (name, sigma) in edits.Values)
        {
            if (!Vectors.TryGetValue(name, out var v) || v.Length != codeSize) continue;
            float scale = (float)(sigma * StdDevs[name]);
            TensorPrimitives.MultiplyAdd(v, scale, offset, offset);
        }
        return offset;
    }

    /// <summary>Finds the directions with the engine's <see cref="EditDirections"/>; call on a render worker.</summary>
    public static LatentDirections Compute(ArtGenerator g, int samples)
    {
        var set = EditDirections.Compute(g, ArtworkEdits.PrincipalCount, samples);
        return new LatentDirections(g.ModelId, set.Vectors, set.StdDevs);
    }

    /// <summary>Reads a cached file; null when missing or unreadable.</summary>
    public static LatentDirections? TryRead(string path)
    {
        try { return File.Exists(path) ? JsonSerializer.Deserialize<LatentDirections>(File.ReadAllText(path)) : null; }
        catch (JsonException) { return null; }
    }

    /// <summary>Writes atomically (temp file then rename) so a crash never leaves half a file.</summary>
    public void Write(string path)
    {
        Imaging.AtomicFile.WriteAllText(path, JsonSerializer.Serialize(this));
    }
}
