using System.Globalization;

namespace ArtGallery.Cli.Tests;

/// <summary>bench detail's rows: each level of the cascade against its truth, and what the last pass itself adds.</summary>
[Collection("Cli sequential")]
public sealed class BenchDetailTests
{
    [Fact]
    [Trait("Category","Slow")]
    public void EachLevel_HasLanczosTheCascade_AndTheCascadeWithLanczosForItsLastPass()
    {
        var root = CliRunner.TempDir();
        var detail = TinyDetailFile.Save(root, "d16.agdetail", 16);

        var bench = CliRunner.Run("bench", "detail", "--detail", detail, "--count", "1", "--count16", "1", "--count64", "1", "--threads", "1");

        Assert.True(bench.ExitCode == 0, bench.Err);
        var rows = bench.Out.Split('\n').Where(l => l.StartsWith("| x", StringComparison.Ordinal))
            .ToDictionary(l => string.Join(' ', l.Split('|')[1..3].Select(c => c.Trim())), l => double.Parse(l.Split('|')[3], CultureInfo.InvariantCulture));
        // x4 has no earlier pass to keep; x16 and x64 do.
        Assert.DoesNotContain("x4 clean lanczos-last", rows.Keys);
        foreach (var level in new[] { "x16", "x64" })
            foreach (var input in new[] { "clean", "generator-like" })
            {
                var (lanczos, cascade, last) = (rows[$"{level} {input} lanczos"], rows[$"{level} {input} detail"], rows[$"{level} {input} lanczos-last"]);
                Assert.True(last is > 10 and < 60, $"{level} {input} lanczos-last {last} dB");
                // A different picture from both: the earlier passes ran (not plain Lanczos), the last one did not.
                Assert.NotEqual(lanczos, last);
                Assert.NotEqual(cascade, last);
            }
    }
}
