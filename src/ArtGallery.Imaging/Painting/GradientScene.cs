using System.Numerics;

namespace ArtGallery.Imaging;

/// <summary>A smooth multi-stop gradient, gently warped, with a soft glowing orb.</summary>
internal sealed class GradientScene : Scene
{
    private readonly float _dx, _dy, _orbX, _orbY, _orbR, _orbStrength;
    private readonly bool _radial;
    private readonly Vector3[] _stops;
    private readonly Vector3 _orb;
    private readonly uint _seed;

    public GradientScene(Rng rng, Vector3[] palette)
    {
        float a = rng.Range(0, MathF.Tau);
        _dx = MathF.Cos(a);
        _dy = MathF.Sin(a);
        _radial = rng.Chance(0.3f);
        int n = 3 + rng.Int(2);
        _stops = new Vector3[n];
        int last = rng.Int(palette.Length);
        for (int i = 0; i < n; i++)
        {
            _stops[i] = palette[last];
            last = OtherIndex(rng, palette.Length, last);
        }
        _orb = palette[last];
        _orbX = rng.Range(0.25f, 0.75f);
        _orbY = rng.Range(0.25f, 0.75f);
        _orbR = rng.Range(0.12f, 0.3f);
        _orbStrength = rng.Chance(0.6f) ? rng.Range(0.5f, 0.9f) : 0;
        _seed = rng.NextSeed();
    }

    public override float TextureStrength => 0.6f;

    public override Vector3 Shade(float u, float v)
    {
        float warp = 0.12f * (Noise.Fbm(u * 2.5f, v * 2.5f, _seed, 2) - 0.5f);
        float t = _radial
            ? MathF.Sqrt((u - 0.5f) * (u - 0.5f) + (v - 0.5f) * (v - 0.5f)) * 1.4f
            : (u - 0.5f) * _dx + (v - 0.5f) * _dy + 0.5f;
        t = Math.Clamp(t + warp, 0f, 0.9999f) * (_stops.Length - 1);
        int i = (int)t;
        float f = Noise.SmoothStep(0, 1, t - i);
        var color = Vector3.Lerp(_stops[i], _stops[i + 1], f);
        float dx = u - _orbX, dy = v - _orbY;
        float glow = MathF.Exp(-(dx * dx + dy * dy) / (_orbR * _orbR)) * _orbStrength;
        return Vector3.Lerp(color, _orb, glow);
    }
}
