using System.Numerics;

namespace ArtGallery.Imaging;

/// <summary>Two or three soft-edged, slightly ragged rectangles stacked on a coloured ground.</summary>
internal sealed class ColorFieldScene : Scene
{
    private readonly Vector3 ground;
    private readonly (float Top, float Bottom, Vector3 Color)[] blocks;
    private readonly float margin, feather;
    private readonly uint seed;

    public ColorFieldScene(Rng rng, Vector3[] palette)
    {
        int g = rng.Int(palette.Length);
        this.ground = palette[g];
        seed = rng.NextSeed();
        margin = rng.Range(0.07f, 0.13f);
        feather = rng.Range(0.012f, 0.03f);
        int n = 2 + rng.Int(2);
        float gap = rng.Range(0.03f, 0.07f), top = rng.Range(0.06f, 0.1f), bottom = 1 - rng.Range(0.06f, 0.1f);
        var weights = Enumerable.Range(0, n).Select(_ => rng.Range(0.6f, 1.6f)).ToArray();
        float usable = bottom - top - gap * (n - 1), total = weights.Sum(), y = top;
        blocks = new (float, float, Vector3)[n];
        int last = g;
        for (int i = 0; i < n; i++)
        {
            float h = usable * weights[i] / total;
            last = OtherIndex(rng, palette.Length, last);
            blocks[i] = (y, y + h, palette[last]);
            y += h + gap;
        }
    }

    public override float TextureStrength => 1.3f;

    public override Vector3 Shade(float u, float v)
    {
        // Ragged edges: displace the distance by low-frequency noise, like a loaded brush.
        float wobble = 0.018f * (Noise.Fbm(u * 9, v * 9, seed, 2) - 0.5f);
        var color = this.ground;
        foreach (var (top, bottom, c) in blocks)
        {
            float dx = MathF.Abs(u - 0.5f) - (0.5f - margin);
            float dy = MathF.Abs(v - (top + bottom) / 2) - (bottom - top) / 2;
            float d = MathF.Max(dx, dy) + wobble;
            float a = 1 - Noise.SmoothStep(-feather, feather, d);
            // Thin paint near the edges lets the ground glow through, as in a stained canvas.
            float inner = Noise.SmoothStep(0, 0.08f, -d);
            var fill = Vector3.Lerp(Vector3.Lerp(c, this.ground, 0.25f), c, inner);
            color = Vector3.Lerp(color, fill, a * 0.96f);
        }
        return color;
    }
}
