using ArtGallery.Imaging;

namespace ArtGallery.Metrics.Tests;

/// <summary>
/// Small procedural labelled dataset for tests: 8 visually distinct pattern families with random
/// parameters, drawn analytically so any resolution renders the same picture.
/// </summary>
internal sealed class ConstructedDataset(int count, int seed = 0) : ILabelledDataset
{
    private static readonly string[] Names = ["stripes", "rings", "gradient", "checker", "dots", "noise", "halves", "waves"];

    public string Name => "constructed";

    public int Count => count;

    public IReadOnlyList<string> Labels => Names;

    public int LabelOf(int index) => index % Names.Length;

    public void Read(int index, int resolution, Span<float> destination)
    {
        var rng = new Random(seed * 100_003 + index);
        var p = Enumerable.Range(0, 12).Select(_ => rng.NextDouble()).ToArray();
        int plane = resolution * resolution, family = LabelOf(index);
        for (int y = 0; y < resolution; y++)
            for (int x = 0; x < resolution; x++)
            {
                double u = (x + 0.5) / resolution, v = (y + 0.5) / resolution;
                double t = Pattern(family, u, v, p);
                for (int c = 0; c < 3; c++)
                {
                    // Two random colours per image, mixed by the pattern value t in [0, 1].
                    double colour = p[4 + c] * (1 - t) + p[8 + c] * t;
                    destination[c * plane + y * resolution + x] = (float)(colour * 2 - 1);
                }
            }
    }

    private static double Pattern(int family, double u, double v, double[] p) => family switch
    {
        0 => Square(Math.Sin((v * (3 + 6 * p[0]) + p[1]) * 2 * Math.PI)),
        1 => Square(Math.Sin(Math.Sqrt(Sq(u - 0.3 - 0.4 * p[0]) + Sq(v - 0.3 - 0.4 * p[1])) * (10 + 15 * p[2]))),
        2 => Math.Clamp(0.5 + (u - 0.5) * Math.Cos(p[0] * 6.28) + (v - 0.5) * Math.Sin(p[0] * 6.28), 0, 1),
        3 => ((int)(u * (2 + 4 * p[0])) + (int)(v * (2 + 4 * p[0]))) % 2,
        4 => Dots(u, v, p),
        5 => Hash(u, v, p[0]),
        6 => u < 0.3 + 0.4 * p[0] ? 0 : 1,
        _ => 0.5 + 0.5 * Math.Sin((u + v) * (8 + 8 * p[0]) + Math.Sin(v * 10 * p[1]) * 2),
    };

    private static double Dots(double u, double v, double[] p)
    {
        double cells = 3 + 4 * p[0], fu = u * cells % 1 - 0.5, fv = v * cells % 1 - 0.5;
        return fu * fu + fv * fv < Sq(0.15 + 0.2 * p[1]) ? 1 : 0;
    }

    private static double Hash(double u, double v, double s)
    {
        int xi = (int)(u * 16), yi = (int)(v * 16);
        uint h = (uint)(xi * 73856093 ^ yi * 19349663 ^ (int)(s * 1e6));
        h ^= h >> 13;
        h *= 0x5bd1e995;
        return (h >> 8 & 0xFFFF) / 65535.0;
    }

    private static double Square(double s) => s > 0 ? 1 : 0;

    private static double Sq(double x) => x * x;
}
