using System.Numerics;

namespace ArtGallery.Imaging;

/// <summary>Horizontal bands whose boundaries are sums of sine waves.</summary>
internal sealed class WavesScene : Scene
{
    private readonly (float Base, float A1, float F1, float P1, float A2, float F2, float P2)[] bounds;
    private readonly Vector3[] colors;
    private readonly bool vertical;

    public WavesScene(Rng rng, Vector3[] palette)
    {
        int n = 4 + rng.Int(6);
        vertical = rng.Chance(0.2f);
        bounds = new (float, float, float, float, float, float, float)[n];
        colors = new Vector3[n + 1];
        float amp = rng.Range(0.02f, 0.07f), freq = rng.Range(0.8f, 2.5f);
        int last = rng.Int(palette.Length);
        colors[0] = palette[last];
        for (int i = 0; i < n; i++)
        {
            float b = (i + 1) / (float)(n + 1) + rng.Range(-0.3f, 0.3f) / (n + 1);
            bounds[i] = (b, amp * rng.Range(0.7f, 1.3f), freq * rng.Range(0.9f, 1.1f) * MathF.Tau, rng.Range(0, MathF.Tau),
                amp * rng.Range(0.1f, 0.4f), freq * rng.Range(2, 4) * MathF.Tau, rng.Range(0, MathF.Tau));
            last = OtherIndex(rng, palette.Length, last);
            colors[i + 1] = palette[last];
        }
    }

    public override Vector3 Shade(float u, float v)
    {
        if (vertical) (u, v) = (v, u);
        int band = 0;
        foreach (var (b, a1, f1, p1, a2, f2, p2) in bounds)
        {
            float y = b + a1 * MathF.Sin(u * f1 + p1) + a2 * MathF.Sin(u * f2 + p2);
            if (v > y) band++;
        }
        return colors[band];
    }
}
