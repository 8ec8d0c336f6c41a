using System.Numerics;

namespace ArtGallery.Imaging;

/// <summary>Paint-like surface: blotchy pigment density, directional brush streaks, fine grain and a faint vignette.</summary>
internal sealed class CanvasTexture
{
    private readonly uint seed;
    private readonly float strength, cos, sin, vignette;

    public CanvasTexture(Rng rng, float strength)
    {
        seed = rng.NextSeed();
        this.strength = strength * rng.Range(0.8f, 1.2f);
        float a = rng.Chance(0.5f) ? rng.Range(-0.2f, 0.2f) : MathF.PI / 2 + rng.Range(-0.2f, 0.2f);
        cos = MathF.Cos(a);
        sin = MathF.Sin(a);
        this.vignette = rng.Range(0.08f, 0.22f);
    }

    public Vector3 Apply(Vector3 color, float u, float v)
    {
        float blotch = Noise.Fbm(u * 4, v * 4, seed, 3) - 0.5f;
        float su = u * cos + v * sin, sv = -u * sin + v * cos;
        float streak = Noise.Fbm(su * 2.5f, sv * 48, seed + 17, 2) - 0.5f;
        float grain = Noise.Value(u * 90, v * 90, seed + 31) - 0.5f;
        float shade = 1 + this.strength * (0.09f * blotch + 0.07f * streak + 0.04f * grain);
        float du = u - 0.5f, dv = v - 0.5f;
        shade *= 1 - this.vignette * (du * du + dv * dv);
        return color * shade;
    }
}
