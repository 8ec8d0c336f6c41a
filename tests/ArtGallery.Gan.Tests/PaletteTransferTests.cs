using ArtGallery.Gan.Conditioning;
using ArtGallery.Gan.Sampling;
using ArtGallery.Imaging;

namespace ArtGallery.Gan.Tests;

/// <summary>Issue 21's "palette on request": pixels near the requested colours, the seed's composition kept across
/// palettes, the same bytes every time.</summary>
[Collection("Sequential")]
public sealed class PaletteTransferTests
{
    private static readonly (float R, float G, float B) Navy = (0.12f, 0.23f, 0.54f);
    private static readonly List<(float R, float G, float B)>[] Palettes =
    [
        [(1f, 0f, 0f), (1f, 0.84f, 0f), (0.12f, 0.23f, 0.54f)],
        [(0f, 0f, 0f), (1f, 1f, 1f)],
        [(0.16f, 0.62f, 0.56f), (0.91f, 0.77f, 0.42f), (0.96f, 0.64f, 0.38f), (0.91f, 0.44f, 0.32f), (0.15f, 0.27f, 0.27f)],
    ];

    [Fact]
    public void Apply_ShadedTwoTonePicture_DarkSideTakesTheDarkColourAndKeepsShading()
    {
        const int side = 16;
        // Left half dark red, right half light green, each with a gentle left-to-right ramp.
        var chw = new float[3 * side * side];
        for (int y = 0; y < side; y++)
            for (int x = 0; x < side; x++)
            {
                bool left = x < side / 2;
                float ramp = 0.1f * (x % (side / 2)) / (side / 2);
                float[] rgb = left ? [0.35f + ramp, 0.05f, 0.05f] : [0.6f, 0.9f - ramp, 0.6f];
                for (int c = 0; c < 3; c++) chw[c * side * side + y * side + x] = rgb[c] * 2 - 1;
            }
        (float R, float G, float B) yellow = (1f, 0.84f, 0f);
        var result = PaletteTransfer.Apply(chw, side, [yellow, Navy]); // light first: the match goes by lightness, not order

        Assert.True(MeanDistance(result, side, [yellow, Navy]) < 0.05);
        float At(float[] image, int c, int x) => (image[c * side * side + 3 * side + x] + 1) / 2;
        Assert.Equal(Navy.B, At(result, 2, 3), 0.05); // the dark side became navy
        Assert.Equal(yellow.G, At(result, 1, 12), 0.05); // the light side yellow
        // Shading kept at PaletteTransfer.Shading of its strength: the ramp still rises across the left half.
        double before = At(chw, 0, 7) - At(chw, 0, 0), after = At(result, 0, 7) - At(result, 0, 0);
        Assert.Equal(PaletteTransfer.Shading * before, after, 0.01);
    }

    [Fact]
    public void Render_TinyConditionedModelInAPalette_PixelsNearItCompositionKeptSameBytes()
    {
        // Untrained: its pictures are low-contrast noise, the hardest case for matching a palette's distinct colours.
        var options = TestOptions.TinyConditioned(32) with { Conditioned = new() { EmbeddingSize = 16, CollectionSize = 6 } };
        using var generator = ArtGenerator.CreateUntrained(options, 32);
        using var again = ArtGenerator.CreateUntrained(options, 32);
        int side = generator.Resolution;
        long[] seeds = [1, 2, 3, 4];
        var plain = seeds.Select(s => generator.Render(generator.LatentFor(s))).ToArray();
        var coloured = Palettes.Select(p => seeds.Select(s => generator.Render(generator.LatentFor(s), palette: p)).ToArray()).ToArray();

        for (int p = 0; p < Palettes.Length; p++)
        {
            double distance = coloured[p].Average(image => MeanDistance(image, side, Palettes[p]));
            Assert.True(distance < 0.10, $"palette {p}: mean distance {distance:0.000} to the requested colours (the picture as drawn: {plain.Average(i => MeanDistance(i, side, Palettes[p])):0.000})");
        }
        for (int s = 0; s < seeds.Length; s++)
        {
            // The same seed in two palettes: the same light/dark layout; another seed in the same palette: not.
            double same = LuminanceRankCorrelation(coloured[0][s], coloured[2][s], side);
            double other = LuminanceRankCorrelation(coloured[0][s], coloured[0][(s + 1) % seeds.Length], side);
            Assert.True(same > 0.8 && same > other + 0.2, $"seed {seeds[s]}: same seed {same:0.000}, next seed {other:0.000}");
        }
        var png = Png(coloured[0][0], side);
        Assert.Equal(png, Png(again.Render(again.LatentFor(seeds[0]), palette: Palettes[0]), side));
        Assert.Equal(png, Png(generator.Render(generator.LatentFor(seeds[0]), palette: Palettes[0]), side));
    }

    private static byte[] Png(float[] chw, int side)
    {
        using var image = PlanarRgb.ToImage(chw, side, side);
        return PngExport.Encode(image);
    }

    private static double MeanDistance(float[] chw, int side, IReadOnlyList<(float R, float G, float B)> palette)
    {
        int plane = side * side;
        double total = 0;
        for (int p = 0; p < plane; p++)
        {
            // As a PNG stores it: 8 bits per channel.
            double r = Math.Round((chw[p] + 1) * 127.5) / 255, g = Math.Round((chw[plane + p] + 1) * 127.5) / 255, b = Math.Round((chw[2 * plane + p] + 1) * 127.5) / 255;
            total += palette.Min(c => Math.Sqrt((r - c.R) * (r - c.R) + (g - c.G) * (g - c.G) + (b - c.B) * (b - c.B)));
        }
        return total / plane;
    }

    // Spearman correlation of the two pictures' luminance, pixel by pixel (ties get their average rank).
    private static double LuminanceRankCorrelation(float[] a, float[] b, int side)
    {
        double[] Ranks(float[] chw)
        {
            int plane = side * side;
            var luma = Enumerable.Range(0, plane).Select(p => 0.299 * chw[p] + 0.587 * chw[plane + p] + 0.114 * chw[2 * plane + p]).ToArray();
            var order = Enumerable.Range(0, plane).OrderBy(p => luma[p]).ToArray();
            var ranks = new double[plane];
            for (int i = 0; i < plane;)
            {
                int j = i;
                while (j + 1 < plane && luma[order[j + 1]] == luma[order[i]]) j++;
                for (int k = i; k <= j; k++) ranks[order[k]] = (i + j) / 2.0;
                i = j + 1;
            }
            return ranks;
        }
        var (x, y) = (Ranks(a), Ranks(b));
        double mx = x.Average(), my = y.Average();
        double sxy = x.Zip(y, (u, v) => (u - mx) * (v - my)).Sum();
        return sxy / Math.Sqrt(x.Sum(u => (u - mx) * (u - mx)) * y.Sum(v => (v - my) * (v - my)));
    }
}
