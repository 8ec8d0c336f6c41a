using System.Numerics;

namespace ArtGallery.Imaging;

/// <summary>A grid (regular or jittered) of round dots on a ground, in one or many colours.</summary>
internal sealed class DotFieldScene : Scene
{
    private readonly int cells;
    private readonly float radius, jitter, radiusJitter;
    private readonly Vector3 ground;
    private readonly Vector3[] inks;
    private readonly uint seed;

    public DotFieldScene(Rng rng, Vector3[] palette)
    {
        this.cells = 4 + rng.Int(9);
        radius = rng.Range(0.22f, 0.42f);
        jitter = rng.Chance(0.5f) ? rng.Range(0.05f, 0.25f) : 0;
        radiusJitter = rng.Chance(0.4f) ? rng.Range(0.2f, 0.5f) : 0;
        var sorted = palette.OrderBy(Palettes.Luma).ToArray();
        bool lightGround = rng.Chance(0.65f);
        this.ground = lightGround ? Vector3.Lerp(sorted[^1], Vector3.One, 0.4f) : sorted[0];
        inks = rng.Chance(0.3f) ? [sorted[lightGround ? 0 : ^1]] : lightGround ? sorted[..^1] : sorted[1..];
        seed = rng.NextSeed();
    }

    public override float TextureStrength => 0.8f;

    public override Vector3 Shade(float u, float v)
    {
        float x = u * this.cells, y = v * this.cells;
        int cx = (int)MathF.Floor(x), cy = (int)MathF.Floor(y);
        // Jittered dots can spill into neighbouring cells, so look at the 3x3 block.
        for (int j = cy - 1; j <= cy + 1; j++)
        {
            for (int i = cx - 1; i <= cx + 1; i++)
            {
                float px = i + 0.5f + jitter * (Noise.Hash(i, j, seed) - 0.5f) * 2;
                float py = j + 0.5f + jitter * (Noise.Hash(i, j, seed + 1) - 0.5f) * 2;
                float r = radius * (1 - radiusJitter * Noise.Hash(i, j, seed + 2));
                float dx = x - px, dy = y - py;
                if (dx * dx + dy * dy < r * r)
                    return inks[(int)(Noise.Hash(i, j, seed + 3) * inks.Length)];
            }
        }
        return this.ground;
    }
}
