using System.Numerics;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace ArtGallery.Imaging;

/// <summary>Paints deterministic abstract pictures from a seed, at any resolution (the built-in dataset's source).</summary>
public static class AbstractPainter
{
    /// <summary>Largest resolution painted; beyond this a print should be upscaled instead.</summary>
    public const int MaxResolution = 4096;

    /// <summary>The family a bare seed paints (used by <see cref="Paint(int, int)"/>).</summary>
    public static ArtFamily FamilyOf(int seed) => (ArtFamily)(Rng.Mix(seed, 0x5EED) % (ulong)Enum.GetValues<ArtFamily>().Length);

    /// <summary>Paints the picture of <paramref name="seed"/> (its family chosen by the seed).</summary>
    public static (Image<Rgb24> Image, ArtFamily Family) Paint(int seed, int resolution)
    {
        var family = FamilyOf(seed);
        return (Paint(seed, resolution, family), family);
    }

    /// <summary>Paints <paramref name="seed"/> in a given <paramref name="family"/>.</summary>
    public static Image<Rgb24> Paint(int seed, int resolution, ArtFamily family)
    {
        var planar = new byte[3 * resolution * resolution];
        PaintPlanar(seed, resolution, family, planar);
        int plane = resolution * resolution;
        var pixels = new Rgb24[plane];
        for (int i = 0; i < plane; i++) pixels[i] = new Rgb24(planar[i], planar[plane + i], planar[2 * plane + i]);
        return Image.LoadPixelData<Rgb24>(pixels, resolution, resolution);
    }

    /// <summary>Paints into planar bytes (CHW, 3*res*res): the dataset's allocation-light path.</summary>
    public static void PaintPlanar(int seed, int resolution, ArtFamily family, Span<byte> chw)
    {
        if (resolution is < 1 or > MaxResolution)
            throw new ArgumentOutOfRangeException(nameof(resolution), resolution, $"Resolution must be 1..{MaxResolution}.");
        int plane = resolution * resolution;
        if (chw.Length < 3 * plane) throw new ArgumentException("Destination too small.", nameof(chw));

        var rng = new Rng(Rng.Mix(seed, 1 + (int)family));
        var palette = Palettes.Pick(rng);
        var scene = CreateScene(family, rng, palette);
        var texture = new CanvasTexture(rng, scene.TextureStrength);

        // Supersampling keeps hard edges smooth; fewer samples are needed as pixels shrink.
        int ss = resolution <= 48 ? 4 : resolution <= 160 ? 3 : 2;
        float inv = 1f / resolution, sub = inv / ss, weight = 1f / (ss * ss);
        for (int y = 0; y < resolution; y++)
        {
            for (int x = 0; x < resolution; x++)
            {
                var sum = Vector3.Zero;
                for (int sy = 0; sy < ss; sy++)
                    for (int sx = 0; sx < ss; sx++)
                        sum += scene.Shade(x * inv + (sx + 0.5f) * sub, y * inv + (sy + 0.5f) * sub);
                var c = texture.Apply(sum * weight, (x + 0.5f) * inv, (y + 0.5f) * inv);
                int i = y * resolution + x;
                chw[i] = ToByte(c.X);
                chw[plane + i] = ToByte(c.Y);
                chw[2 * plane + i] = ToByte(c.Z);
            }
        }
    }

    private static Scene CreateScene(ArtFamily family, Rng rng, Vector3[] palette) => family switch
    {
        ArtFamily.ColorField => new ColorFieldScene(rng, palette),
        ArtFamily.HardEdgeGrid => new HardEdgeGridScene(rng, palette),
        ArtFamily.Concentric => new ConcentricScene(rng, palette),
        ArtFamily.Stripes => new StripesScene(rng, palette),
        ArtFamily.Gradient => new GradientScene(rng, palette),
        ArtFamily.DotField => new DotFieldScene(rng, palette),
        ArtFamily.Shards => new ShardsScene(rng, palette),
        ArtFamily.Waves => new WavesScene(rng, palette),
        _ => throw new ArgumentOutOfRangeException(nameof(family), family, "Unknown art family."),
    };

    private static byte ToByte(float v) => (byte)Math.Clamp((int)(v * 255f + 0.5f), 0, 255);
}
