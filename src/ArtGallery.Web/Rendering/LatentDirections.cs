using System.Text.Json;
using ArtGallery.Gan.Sampling;
using ArtGallery.Imaging;

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
            for (int i = 0; i < codeSize; i++) offset[i] += scale * v[i];
        }
        return offset;
    }

    /// <summary>Finds the directions with the generator (GANSpace PCA + attribute ridge regression); call on a render worker.</summary>
    public static LatentDirections Compute(ArtGenerator g, int samples)
    {
        var vectors = new Dictionary<string, float[]>();
        var stds = new Dictionary<string, double>();
        var pcs = DirectionFinder.Principal(g, ArtworkEdits.PrincipalCount, samples);
        for (int i = 0; i < pcs.Count; i++) (vectors[$"pc{i + 1}"], stds[$"pc{i + 1}"]) = (pcs[i].Vector, pcs[i].StdDev);
        int res = g.Resolution;
        var measures = new Func<ImageAttributeValues, double>[] { a => a.Brightness, a => a.Warmth, a => a.Contrast, a => a.Complexity };
        // One batch of renders serves all four attributes would be cheaper, but ForAttribute owns its sampling; samples/2 keeps it quick.
        for (int i = 0; i < ArtworkEdits.Attributes.Length; i++)
        {
            var measure = measures[i];
            var d = DirectionFinder.ForAttribute(g, Math.Max(16, samples / 2), chw => measure(ImageAttributes.Measure(chw, res)));
            vectors[ArtworkEdits.Attributes[i]] = d.Vector;
            stds[ArtworkEdits.Attributes[i]] = d.StdDev;
        }
        return new LatentDirections(g.ModelId, vectors, stds);
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
        var tmp = path + ".tmp";
        File.WriteAllText(tmp, JsonSerializer.Serialize(this));
        File.Move(tmp, path, overwrite: true);
    }
}
