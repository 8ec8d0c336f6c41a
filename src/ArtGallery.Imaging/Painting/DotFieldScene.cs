using System.Numerics;

namespace ArtGallery.Imaging;

/// <summary>A grid (regular or jittered) of round dots on a ground, in one or many colours.</summary>
internal sealed class DotFieldScene : Scene
{
    private readonly int _cells;
    private readonly float _radius, _jitter, _radiusJitter;
    private readonly Vector3 _ground;
    private readonly Vector3[] _inks;
    private readonly uint _seed;

    public DotFieldScene(Rng rng, Vector3[] palette)
    {
        _cells = 4 + rng.Int(9);
        _radius = rng.Range(0.22f, 0.42f);
        _jitter = rng.Chance(0.5f) ? rng.Range(0.05f, 0.25f) : 0;
        _radiusJitter = rng.Chance(0.4f) ? rng.Range(0.2f, 0.5f) : 0;
        var sorted = palette.OrderBy(Palettes.Luma).ToArray();
        bool lightGround = rng.Chance(0.65f);
        _ground = lightGround ? Vector3.Lerp(sorted[^1], Vector3.One, 0.4f) : sorted[0];
        _inks = rng.Chance(0.3f) ? [sorted[lightGround ? 0 : ^1]] : lightGround ? sorted[..^1] : sorted[1..];
        _seed = rng.NextSeed();
    }

    public override float TextureStrength => 0.8f;

    public override Vector3 Shade(float u, float v)
    {
        float x = u * _cells, y = v * _cells;
        int cx = (int)MathF.Floor(x), cy = (int)MathF.Floor(y);
        // Jittered dots can spill into neighbouring cells, so look at the 3x3 block.
        for (int j = cy - 1; j <= cy + 1; j++)
        {
            for (int i = cx - 1; i <= cx + 1; i++)
            {
                float px = i + 0.5f + _jitter * (Noise.Hash(i, j, _seed) - 0.5f) * 2;
                float py = j + 0.5f + _jitter * (Noise.Hash(i, j, _seed + 1) - 0.5f) * 2;
                float r = _radius * (1 - _radiusJitter * Noise.Hash(i, j, _seed + 2));
                float dx = x - px, dy = y - py;
                if (dx * dx + dy * dy < r * r)
                    return _inks[(int)(Noise.Hash(i, j, _seed + 3) * _inks.Length)];
            }
        }
        return _ground;
    }
}
