namespace ArtGallery.Imaging;

/// <summary>Hash-based value noise in normalised coordinates, so texture is the same picture at any resolution.</summary>
internal static class Noise
{
    public static float Hash(int x, int y, uint seed)
    {
        uint h = (uint)x * 0x8DA6B343u ^ (uint)y * 0xD8163841u ^ seed * 0xCB1AB31Fu;
        h ^= h >> 13;
        h *= 0x5BD1E995u;
        h ^= h >> 15;
        return (h & 0xFFFFFF) * (1f / 16777216f);
    }

    /// <summary>Smooth value noise in [0, 1].</summary>
    public static float Value(float x, float y, uint seed)
    {
        float fx = MathF.Floor(x), fy = MathF.Floor(y);
        int ix = (int)fx, iy = (int)fy;
        float tx = x - fx, ty = y - fy;
        tx = tx * tx * (3 - 2 * tx);
        ty = ty * ty * (3 - 2 * ty);
        float a = Hash(ix, iy, seed), b = Hash(ix + 1, iy, seed);
        float c = Hash(ix, iy + 1, seed), d = Hash(ix + 1, iy + 1, seed);
        return a + (b - a) * tx + (c - a) * ty + (a - b - c + d) * tx * ty;
    }

    /// <summary>Fractal sum of <paramref name="octaves"/> value-noise layers, roughly in [0, 1].</summary>
    public static float Fbm(float x, float y, uint seed, int octaves)
    {
        float sum = 0, amp = 0.5f, norm = 0;
        for (int o = 0; o < octaves; o++)
        {
            sum += amp * Value(x, y, seed + (uint)o * 101u);
            norm += amp;
            x *= 2.03f;
            y *= 2.03f;
            amp *= 0.5f;
        }
        return sum / norm;
    }

    public static float SmoothStep(float e0, float e1, float x)
    {
        float t = Math.Clamp((x - e0) / (e1 - e0), 0f, 1f);
        return t * t * (3 - 2 * t);
    }
}
