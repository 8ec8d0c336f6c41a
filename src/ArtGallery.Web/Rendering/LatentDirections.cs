using System.Numerics.Tensors;
using System.Text.Json;
using ArtGallery.Gan.Sampling;

namespace ArtGallery.Web.Rendering;

/// <summary>
/// Edit directions of one model (8 principal + 4 attribute): unit vectors in code space, the code std along each, the
/// calibrated code distance of one slider step (<see cref="SliderCalibration"/>) and the words for each direction's ends.
/// </summary>
public sealed record LatentDirections(
    string ModelId, Dictionary<string, float[]> Vectors, Dictionary<string, double> StdDevs,
    Dictionary<string, double>? Steps = null, Dictionary<string, string[]>? Ends = null, double CodeNorm = 0)
{
    /// <summary>
    /// Stacked edits move the code at most this many code lengths (<see cref="CodeNorm"/>), or as far as their strongest
    /// single edit when that is further. The generator only sees the code's direction, so a longer offset swamps the
    /// picture: twelve sliders at +3 turned every seed into much the same orange blur (BENCHMARKS.md, "Explore").
    /// </summary>
    public const double MaxReach = 1.0;

    /// <summary>A single slider's end reaches at most this many code lengths (calibration stops there).</summary>
    public const double MaxSingleReach = 1.25;

    /// <summary>True when the file was written by a version with calibrated steps (older files are recomputed).</summary>
    public bool IsCalibrated => Steps is not null && Ends is not null && CodeNorm > 0 && Vectors.Keys.All(Steps.ContainsKey);

    /// <summary>Code offset for edits given in slider steps, shortened when stacked edits reach further than <see cref="MaxReach"/> allows.</summary>
    public float[]? OffsetFor(ArtworkEdits edits, int codeSize)
    {
        if (edits.IsEmpty) return null;
        var offset = new float[codeSize];
        double strongest = 0;
        foreach (var (name, value) in edits.Values)
        {
            if (!Vectors.TryGetValue(name, out var v) || v.Length != codeSize) continue;
            double distance = value * Step(name);
            TensorPrimitives.MultiplyAdd(v, (float)distance, offset, offset);
            strongest = Math.Max(strongest, Math.Abs(distance));
        }
        // A single slider is never shortened (calibration bounds it); stacks are, so they keep each seed's own picture.
        double reach = Math.Max(MaxReach * CodeNorm, strongest), norm = TensorPrimitives.Norm(offset);
        if (CodeNorm > 0 && norm > reach) TensorPrimitives.Multiply(offset, (float)(reach / norm), offset);
        return offset;
    }

    /// <summary>Code distance of one slider step along <paramref name="name"/>.</summary>
    public double Step(string name) => Steps?.GetValueOrDefault(name) ?? StdDevs.GetValueOrDefault(name);

    /// <summary>What the low and high end of a slider do ("darker", "brighter"); empty strings when nothing measurable moves.</summary>
    public (string Low, string High) EndsOf(string name) =>
        Ends?.GetValueOrDefault(name) is [var low, var high] ? (low, high) : ("", "");

    /// <summary>Finds and calibrates the directions with the engine's <see cref="EditDirections"/>; call on a render worker.</summary>
    public static LatentDirections Compute(ArtGenerator g, int samples)
    {
        var set = EditDirections.Compute(g, ArtworkEdits.PrincipalCount, samples);
        var calibration = SliderCalibration.Calibrate(g, set.Vectors, set.StdDevs);
        return new LatentDirections(g.ModelId, set.Vectors, set.StdDevs, calibration.Steps, calibration.Ends, calibration.CodeNorm);
    }

    /// <summary>Reads a cached file; null when missing, unreadable or written before sliders were calibrated.</summary>
    public static LatentDirections? TryRead(string path)
    {
        try { return File.Exists(path) && JsonSerializer.Deserialize<LatentDirections>(File.ReadAllText(path)) is { IsCalibrated: true } d ? d : null; }
        catch (JsonException) { return null; }
    }

    /// <summary>Writes atomically (temp file then rename) so a crash never leaves half a file.</summary>
    public void Write(string path)
    {
        Imaging.AtomicFile.WriteAllText(path, JsonSerializer.Serialize(this));
    }
}
