using System.Numerics;

namespace ArtGallery.Imaging;

/// <summary>A smooth multi-stop gradient, gently warped, with a soft glowing orb.</summary>
internal sealed class GradientScene : Scene
{
    private readonly float dx, dy, orbX, orbY, orbR, orbStrength;
    private readonly bool radial;
    private readonly Vector3[] stops;
    private readonly Vector3 orb;
    private readonly uint seed;

    public GradientScene(Rng rng, Vector3[] palette)
    {
        float a = rng.Range(0, MathF.Tau);
        this.dx = MathF.Cos(a);
        this.dy = MathF.Sin(a);
        radial = rng.Chance(0.3f);
        int n = 3 + rng.Int(2);
        stops = new Vector3[n];
        int last = rng.Int(palette.Length);
        for (int i = 0; i < n; i++)
        {
            stops[i] = palette[last];
            last = OtherIndex(rng, palette.Length, last);
        }
        this.orb = palette[last];
        orbX = rng.Range(0.25f, 0.75f);
        orbY = rng.Range(0.25f, 0.75f);
        orbR = rng.Range(0.12f, 0.3f);
        orbStrength = rng.Chance(0.6f) ? rng.Range(0.5f, 0.9f) : 0;
        seed = rng.NextSeed();
    }

    public override float TextureStrength => 0.6f;

    public override Vector3 Shade(float u, float v)
    {
        float warp = 0.12f * (Noise.Fbm(u * 2.5f, v * 2.5f, seed, 2) - 0.5f);
        float t = radial
            ? MathF.Sqrt((u - 0.5f) * (u - 0.5f) + (v - 0.5f) * (v - 0.5f)) * 1.4f
            : (u - 0.5f) * this.dx + (v - 0.5f) * this.dy + 0.5f;
        t = Math.Clamp(t + warp, 0f, 0.9999f) * (stops.Length - 1);
        int i = (int)t;
        float f = Noise.SmoothStep(0, 1, t - i);
        var color = Vector3.Lerp(stops[i], stops[i + 1], f);
        float dx = u - orbX, dy = v - orbY;
        float glow = MathF.Exp(-(dx * dx + dy * dy) / (orbR * orbR)) * orbStrength;
        return Vector3.Lerp(color, this.orb, glow);
    }
}
