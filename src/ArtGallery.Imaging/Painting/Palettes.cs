using System.Globalization;
using System.Numerics;

namespace ArtGallery.Imaging;

/// <summary>Curated five-colour palettes (dark to light-ish mixes) that each image jitters slightly.</summary>
internal static class Palettes
{
    private static readonly string[][] Hex =
    [
        ["#2b1d1a", "#5b1a18", "#a4281f", "#d9572b", "#f2a541"], // Rothko reds
        ["#111111", "#d62828", "#1d4e89", "#f7c531", "#f4f1e8"], // De Stijl
        ["#0b3954", "#087e8b", "#bfd7ea", "#ff5a5f", "#c81d25"], // harbour
        ["#4f000b", "#a41623", "#f85e00", "#ffb563", "#ffd29d"], // sunset
        ["#2f3e46", "#354f52", "#52796f", "#84a98c", "#cad2c5"], // sage
        ["#7bdff2", "#b2f7ef", "#eff7f6", "#f7d6e0", "#f2b5d4"], // pastel
        ["#1d3557", "#457b9d", "#a8dadc", "#f1faee", "#e63946"], // bauhaus
        ["#582f0e", "#7f4f24", "#936639", "#a68a64", "#ede0d4"], // earth
        ["#1a1423", "#372549", "#774c60", "#b75d69", "#eacdc2"], // dusk
        ["#155263", "#0047ab", "#ff6f3c", "#ffc93c", "#f4f4f4"], // cut-outs
        ["#264653", "#2a9d8f", "#e9c46a", "#f4a261", "#e76f51"], // desert
        ["#0d1b2a", "#1b263b", "#415a77", "#778da9", "#e0e1dd"], // nordic
        ["#011627", "#2ec4b6", "#fcf300", "#ffc600", "#ff8500"], // citrus
        ["#590d22", "#800f2f", "#c9184a", "#ff758f", "#ffccd5"], // berry
        ["#081c15", "#1b4332", "#40916c", "#95d5b2", "#d8f3dc"], // forest
        ["#1c1c1c", "#4a4a48", "#8a8780", "#c9c5bb", "#f2efe9"], // graphite
        ["#231942", "#5e548e", "#9f86c0", "#be95c4", "#e0b1cb"], // lavender
        ["#577590", "#90be6d", "#f9c74f", "#f3722c", "#f94144"], // retro
        ["#3d2c2e", "#b08968", "#ddb892", "#e6ccb2", "#7f5539"], // sand
        ["#03045e", "#0077b6", "#00b4d8", "#90e0ef", "#caf0f8"], // ocean
    ];

    private static readonly Vector3[][] Colors = Hex.Select(p => p.Select(Parse).ToArray()).ToArray();

    public static int Count => Colors.Length;

    /// <summary>A jittered copy of a random palette: same hues family, slightly different per image.</summary>
    public static Vector3[] Pick(Rng rng)
    {
        var src = Colors[rng.Int(Colors.Length)];
        float gain = rng.Range(0.9f, 1.08f);
        var warm = new Vector3(rng.Range(-0.03f, 0.03f), 0, rng.Range(-0.03f, 0.03f));
        var result = new Vector3[src.Length];
        for (int i = 0; i < src.Length; i++)
        {
            var jitter = new Vector3(rng.Range(-0.04f, 0.04f), rng.Range(-0.04f, 0.04f), rng.Range(-0.04f, 0.04f));
            result[i] = Vector3.Clamp(src[i] * gain + warm + jitter, Vector3.Zero, Vector3.One);
        }
        return result;
    }

    public static float Luma(Vector3 c) => 0.299f * c.X + 0.587f * c.Y + 0.114f * c.Z;

    private static Vector3 Parse(string hex)
    {
        int v = int.Parse(hex.AsSpan(1), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        return new Vector3((v >> 16) & 255, (v >> 8) & 255, v & 255) / 255f;
    }
}
