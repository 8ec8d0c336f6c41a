using System.Numerics;

namespace ArtGallery.Imaging;

/// <summary>Parallel bands of varied width at one angle, with an optional gentle wobble.</summary>
internal sealed class StripesScene : Scene
{
    private readonly float cos, sin, wobble, freq, phase;
    private readonly float[] edges;
    private readonly Vector3[] colors;

    public StripesScene(Rng rng, Vector3[] palette)
    {
        float[] angles = [0, 90, 45, -45, 0, 90];
        float angle = rng.Chance(0.8f) ? angles[rng.Int(angles.Length)] : rng.Range(-80, 80);
        cos = MathF.Cos(angle * MathF.PI / 180);
        sin = MathF.Sin(angle * MathF.PI / 180);
        this.wobble = rng.Chance(0.4f) ? rng.Range(0.005f, 0.02f) : 0;
        freq = rng.Range(1, 3) * MathF.Tau;
        phase = rng.Range(0, MathF.Tau);
        // Projected coordinate spans at most [-0.71, 0.71] around the centre for any angle.
        var edges = new List<float>();
        var colors = new List<Vector3>();
        float t = -0.75f, baseWidth = rng.Range(0.03f, 0.12f);
        int last = rng.Int(palette.Length);
        while (t < 0.75f)
        {
            edges.Add(t);
            last = OtherIndex(rng, palette.Length, last);
            colors.Add(palette[last]);
            t += rng.Chance(0.15f) ? baseWidth * 0.25f : baseWidth * rng.Range(0.5f, 1.8f);
        }
        this.edges = [.. edges];
        this.colors = [.. colors];
    }

    public override Vector3 Shade(float u, float v)
    {
        float x = u - 0.5f, y = v - 0.5f;
        float along = -x * sin + y * cos;
        float t = x * cos + y * sin + this.wobble * MathF.Sin(along * freq + phase);
        int i = Array.BinarySearch(this.edges, t);
        if (i < 0) i = ~i - 1;
        return this.colors[Math.Clamp(i, 0, this.colors.Length - 1)];
    }
}
