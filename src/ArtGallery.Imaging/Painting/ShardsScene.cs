using System.Numerics;

namespace ArtGallery.Imaging;

/// <summary>Straight cuts across the canvas; every region (a sign pattern of the cuts) gets its own colour.</summary>
internal sealed class ShardsScene : Scene
{
    private readonly (float Nx, float Ny, float D)[] cuts;
    private readonly Vector3[] palette;
    private readonly Vector3 seam;
    private readonly float seamHalf;
    private readonly uint seed;

    public ShardsScene(Rng rng, Vector3[] palette)
    {
        int n = 4 + rng.Int(5);
        this.cuts = new (float, float, float)[n];
        for (int i = 0; i < n; i++)
        {
            float a = rng.Range(0, MathF.PI);
            float px = rng.Range(0.1f, 0.9f), py = rng.Range(0.1f, 0.9f);
            float nx = MathF.Cos(a), ny = MathF.Sin(a);
            this.cuts[i] = (nx, ny, nx * px + ny * py);
        }
        this.palette = palette;
        var sorted = palette.OrderBy(Palettes.Luma).ToArray();
        seam = rng.Chance(0.5f) ? sorted[0] * 0.5f : Vector3.Lerp(sorted[^1], Vector3.One, 0.6f);
        seamHalf = rng.Chance(0.6f) ? rng.Range(0.002f, 0.006f) : 0;
        seed = rng.NextSeed();
    }

    public override Vector3 Shade(float u, float v)
    {
        int mask = 0;
        for (int i = 0; i < this.cuts.Length; i++)
        {
            var (nx, ny, d) = this.cuts[i];
            float s = nx * u + ny * v - d;
            if (MathF.Abs(s) < seamHalf) return seam;
            if (s > 0) mask |= 1 << i;
        }
        float h = Noise.Hash(mask, mask >> 4, seed);
        var c = this.palette[(int)(h * this.palette.Length)];
        // A small per-shard lightness shift keeps same-coloured neighbours apart.
        return c * (0.88f + 0.24f * Noise.Hash(mask, 7, seed + 1));
    }
}
