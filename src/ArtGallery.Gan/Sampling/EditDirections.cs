using ArtGallery.Imaging;

namespace ArtGallery.Gan.Sampling;

/// <summary>A model's named edit directions: pc1..pcN (GANSpace PCA) and the measured attributes, each with its code std.</summary>
public sealed record EditDirectionSet(Dictionary<string, float[]> Vectors, Dictionary<string, double> StdDevs);

/// <summary>Names and computation of the edit directions the explorer's sliders move along.</summary>
public static class EditDirections
{
    /// <summary>Attribute directions, in slider order.</summary>
    public static readonly string[] Attributes = ["brightness", "warmth", "contrast", "complexity"];

    private static readonly Func<ImageAttributeValues, double>[] Measures = [a => a.Brightness, a => a.Warmth, a => a.Contrast, a => a.Complexity];

    /// <summary>Name of principal direction <paramref name="index"/> (0-based): "pc1"...</summary>
    public static string Principal(int index) => $"pc{index + 1}";

    /// <summary>Finds the directions with the generator (PCA + attribute ridge regression); heavy, call on a render worker.</summary>
    public static EditDirectionSet Compute(ArtGenerator g, int principalCount, int samples)
    {
        var vectors = new Dictionary<string, float[]>();
        var stds = new Dictionary<string, double>();
        var pcs = DirectionFinder.Principal(g, principalCount, samples);
        for (int i = 0; i < pcs.Count; i++) (vectors[Principal(i)], stds[Principal(i)]) = (pcs[i].Vector, pcs[i].StdDev);
        int res = g.Resolution;
        // One batch of renders serving all four attributes would be cheaper, but ForAttribute owns its sampling; samples/2 keeps it quick.
        for (int i = 0; i < Attributes.Length; i++)
        {
            var measure = Measures[i];
            var d = DirectionFinder.ForAttribute(g, Math.Max(16, samples / 2), chw => measure(ImageAttributes.Measure(chw, res)));
            (vectors[Attributes[i]], stds[Attributes[i]]) = (d.Vector, d.StdDev);
        }
        return new EditDirectionSet(vectors, stds);
    }
}
