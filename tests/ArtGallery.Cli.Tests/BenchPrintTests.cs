using System.Globalization;
using ArtGallery.Cli.Commands;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace ArtGallery.Cli.Tests;

/// <summary>bench print's scores as issue 22 defines them, and --paintings: held-out paintings printed beside their own truth.</summary>
[Collection("Cli sequential")]
public sealed class BenchPrintTests
{
    [Fact]
    public void Sharpness_IsTheGradientThatHalfAPercentOfPixelsReach()
    {
        // A hard vertical edge: its two columns of pixels are 2/100 of a 100 px wide picture, above the 0.5 % tail.
        using var edge = Picture(100, x => x < 50 ? 0 : 200);
        Assert.Equal(100, PrintScores.Sharpness(edge), 0.1); // central difference: 200 over 2 px
        using var flat = Picture(100, _ => 90);
        Assert.Equal(0, PrintScores.Sharpness(flat));
        // The same step over a 20 px ramp: ten times gentler.
        using var ramp = Picture(100, x => Math.Clamp((x - 40) * 10, 0, 200));
        Assert.Equal(10, PrintScores.Sharpness(ramp), 0.1);
        // An edge in 1 of 400 columns' worth of pixels (0.25 %) is below the tail: it does not set the reading.
        using var wide = Picture(800, x => x < 400 ? 0 : 200);
        Assert.Equal(0, PrintScores.Sharpness(wide));
    }

    [Fact]
    [Trait("Category","Slow")]
    public void Paintings_PrintedBesideTheirTruth_TheTruthShrinksBackToTheSample()
    {
        var root = CliRunner.TempDir();
        var detail = TinyDetailFile.Save(root, "d16.agdetail", 16);

        var bench = CliRunner.Run("bench", "print", "--paintings", "2", "--detail", detail, "--size", "2x2", "--dpi", "128", "--threads", "1");

        Assert.True(bench.ExitCode == 0, bench.Err);
        Assert.Contains("256x256 px prints of 2 held-out builtin:abstract paintings (seed 12345), 16 px samples", bench.Out);
        var rows = bench.Out.Split('\n').Where(l => l.StartsWith("| detail", StringComparison.Ordinal) || l.StartsWith("| lanczos", StringComparison.Ordinal)
            || l.StartsWith("| truth", StringComparison.Ordinal)).ToDictionary(l => l.Split('|')[1].Trim(), Cells);
        Assert.Equal(["detail", "lanczos", "truth"], rows.Keys.Order());
        // The sample is the truth's exact area average, so the truth shrinks back to it (8-bit rounding only).
        Assert.True(rows["truth"][5] > 45, $"truth back to sample {rows["truth"][5]} dB");
        foreach (var upscaler in new[] { "detail", "lanczos" })
            Assert.True(rows[upscaler][6] is > 10 and < 60, $"{upscaler} against the truth {rows[upscaler][6]} dB");
        Assert.True(rows["truth"][6] > rows["lanczos"][6]);

        var refused = CliRunner.Run("bench", "print", "--paintings", "1", "--detail", detail, "--upscaler", "nearest");
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("--upscaler 'nearest' is not one of detail, lanczos, truth", refused.Err);
    }

    private static double[] Cells(string row) =>
        row.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Skip(1).Select(c => double.Parse(c, CultureInfo.InvariantCulture)).ToArray();

    private static Image<Rgb24> Picture(int side, Func<int, int> level)
    {
        var image = new Image<Rgb24>(side, side);
        image.ProcessPixelRows(rows =>
        {
            for (int y = 0; y < side; y++)
            {
                var row = rows.GetRowSpan(y);
                for (int x = 0; x < side; x++) row[x] = new Rgb24((byte)level(x), (byte)level(x), (byte)level(x));
            }
        });
        return image;
    }
}
