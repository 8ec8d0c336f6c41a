using System.Buffers.Binary;
using System.Diagnostics;
using Xunit.Abstractions;

namespace ArtGallery.Imaging.Tests;

[Collection("Sequential")] // timed: the slowest-case bound assumes the cores are not shared with other tests
public class FuzzTests(ITestOutputHelper output)
{
    private const int Cases = 3000;

    [Fact]
    public void TryDecode_ThousandsOfMutatedPngAndJpeg_NoCrashNoHang()
    {
        byte[][] seeds = [TestImages.Png(32, 32), TestImages.Jpeg(32, 32), TestImages.Png(20, 12, 3), TestImages.Jpeg(24, 40, 4),
            HostileImages.Make("ztxt-bomb", big: false), HostileImages.Make("itxt-bomb", big: false), HostileImages.Make("iccp-bomb", big: false),
            HostileImages.Make("jpeg-com-app")];
        var rng = new Random(20261128);
        using var dir = new TempDir();
        int accepted = 0, refused = 0;
        double slowest = 0;
        var total = Stopwatch.StartNew();
        for (int n = 0; n < Cases; n++)
        {
            var data = Mutate(seeds[n % seeds.Length], rng);
            var sw = Stopwatch.StartNew();
            if (n % 10 == 0)
            {
                // Every tenth case also goes the upload path, which writes files.
                var report = DatasetImporter.ImportFile(new MemoryStream(data), $"case{n}.png", dir.Path);
                Assert.Equal(1, report.Accepted.Count + report.Refused.Count);
            }
            using var image = SafeImageDecoder.TryDecode(data, DatasetLimits.Default, out string reason);
            if (image is null) { Assert.False(string.IsNullOrWhiteSpace(reason)); refused++; }
            else { Assert.True(image.Width > 0 && image.Height > 0); accepted++; }
            slowest = Math.Max(slowest, sw.Elapsed.TotalSeconds);
        }
        output.WriteLine($"{Cases} cases: {accepted} decoded, {refused} refused, slowest {slowest * 1000:0} ms, total {total.Elapsed.TotalSeconds:0.0} s");
        Assert.Equal(Cases, accepted + refused);
        Assert.True(refused > Cases / 4, "most mutations should be refused");
        // A hang guard, not a speed test: a decoder loop never ends, a loaded machine takes a few seconds at worst.
        Assert.True(slowest < 30, $"slowest case took {slowest:0.0} s");
        Assert.All(Directory.EnumerateFiles(dir.Path), f => Assert.Matches(@"img-\d{6}\.png$", f));
    }

    [Fact]
    public void Open_FolderOfMutatedFiles_EveryFileAcceptedOrReported()
    {
        byte[][] seeds = [TestImages.Png(32, 32), TestImages.Jpeg(32, 32)];
        var rng = new Random(7);
        using var dir = new TempDir();
        for (int n = 0; n < 300; n++) dir.File($"{n:D3}.png", Mutate(seeds[n % 2], rng));
        dir.File("zz-good.png", seeds[0]);

        var (ds, report) = DatasetSource.Open(dir.Path);

        Assert.Equal(301, report.Accepted + report.Refused.Count);
        var chw = new float[3 * 16 * 16];
        for (int i = 0; i < ds.Count; i++) ds.Read(i, 16, chw);
        Assert.All(chw, v => Assert.InRange(v, -1f, 1f));
    }

    private static byte[] Mutate(byte[] seed, Random rng)
    {
        var d = (byte[])seed.Clone();
        switch (rng.Next(6))
        {
            case 0:
                for (int i = rng.Next(1, 9); i > 0; i--) d[rng.Next(d.Length)] ^= (byte)(1 << rng.Next(8));
                return d;
            case 1:
                return d[..rng.Next(d.Length)];
            case 2:
                int start = rng.Next(d.Length), len = Math.Min(rng.Next(1, 64), d.Length - start);
                rng.NextBytes(d.AsSpan(start, len));
                return d;
            case 3:
                var extra = new byte[rng.Next(1, 32)];
                rng.NextBytes(extra);
                int at = rng.Next(d.Length);
                return [.. d[..at], .. extra, .. d[at..]];
            case 4:
                // Flip bits then repair PNG CRCs so the mutation reaches the decoder instead of the checksum check.
                for (int i = rng.Next(1, 5); i > 0; i--) d[rng.Next(8, d.Length)] ^= (byte)(1 << rng.Next(8));
                return FixCrcs(d);
            default:
                int from = rng.Next(d.Length), count = Math.Min(rng.Next(1, 200), d.Length - from);
                int to = rng.Next(d.Length);
                return [.. d[..to], .. d.AsSpan(from, count), .. d[to..]];
        }
    }

    private static byte[] FixCrcs(byte[] d)
    {
        if (!PngChunks.HasSignature(d)) return d;
        foreach (var c in PngChunks.Walk(d, out _))
            BinaryPrimitives.WriteUInt32BigEndian(d.AsSpan(c.Offset + 8 + c.Length), PngChunks.Crc(d.AsSpan(c.Offset + 4, 4 + c.Length)));
        return d;
    }
}
