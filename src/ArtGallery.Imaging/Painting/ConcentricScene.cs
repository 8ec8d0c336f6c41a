using System.Numerics;

namespace ArtGallery.Imaging;

/// <summary>Concentric rings around an off-centre point, or nested squares sinking toward the bottom.</summary>
internal sealed class ConcentricScene : Scene
{
    private readonly bool _squares;
    private readonly float _cx, _cy;
    private readonly float[] _radii;
    private readonly float[] _drops;
    private readonly Vector3[] _colors;

    public ConcentricScene(Rng rng, Vector3[] palette)
    {
        _squares = rng.Chance(0.45f);
        int n = _squares ? 3 + rng.Int(2) : 4 + rng.Int(6);
        _cx = _squares ? 0.5f : rng.Range(0.3f, 0.7f);
        _cy = _squares ? 0.5f : rng.Range(0.3f, 0.7f);
        float outer = _squares ? 0.5f : rng.Range(0.45f, 0.8f);
        _radii = new float[n];
        _drops = new float[n];
        _colors = new Vector3[n + 1];
        float r = outer;
        int last = rng.Int(palette.Length);
        _colors[0] = palette[last];
        for (int i = 0; i < n; i++)
        {
            _radii[i] = r;
            _drops[i] = _squares ? (0.5f - r) * 0.35f : 0;
            r *= _squares ? rng.Range(0.62f, 0.8f) : rng.Range(0.6f, 0.88f);
            last = OtherIndex(rng, palette.Length, last);
            _colors[i + 1] = palette[last];
        }
    }

    public override Vector3 Shade(float u, float v)
    {
        int ring = 0;
        for (int i = 0; i < _radii.Length; i++)
        {
            float dx = u - _cx, dy = v - (_cy + _drops[i]);
            float d = _squares ? MathF.Max(MathF.Abs(dx), MathF.Abs(dy)) : MathF.Sqrt(dx * dx + dy * dy);
            if (d < _radii[i]) ring = i + 1;
            else break;
        }
        return _colors[ring];
    }
}
