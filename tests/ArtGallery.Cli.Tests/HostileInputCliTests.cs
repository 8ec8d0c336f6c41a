using System.Buffers.Binary;
using System.IO.Compression;
using ArtGallery.Imaging;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace ArtGallery.Cli.Tests;

/// <summary>Issue 24, N1 and N10: every command that reads images goes through the one safe decoder.</summary>
[Collection("Cli sequential")]
public sealed class HostileInputCliTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    private static CliRunner.Result RunWithin(params string[] args)
    {
        var run = Task.Factory.StartNew(() => CliRunner.Run(args), TaskCreationOptions.LongRunning);
        Assert.True(run.Wait(Bound), $"artgallery {string.Join(' ', args)} had not returned after {Bound.TotalSeconds} s");
        return run.Result;
    }

    [Fact]
    public void Upscale_HugePng_RefusedBeforeDecoding()
    {
        var input = Write("huge.png", Png(20000, 20000, interlaced: false, Zlib(new byte[64])));
        var r = RunWithin("upscale", "--detail", "default", "--in", input, "--out", Out(), "--scale", "4");
        Assert.Equal(2, r.ExitCode); // a refused --in is a bad argument
        Assert.Contains("refused: 20000x20000 is 400,000,000 pixels: decoding it needs 1.5 GB, over the 256 MB decode limit", r.Err);
    }

    [Fact]
    public void Upscale_DamagedInterlacedPng_RefusedQuickly()
    {
        var input = Write("tiny.png", Png(64, 64, interlaced: true, Zlib(new byte[4])));
        Assert.Equal(69, new FileInfo(input).Length);
        var r = RunWithin("upscale", "--detail", "default", "--in", input, "--out", Out(), "--scale", "4");
        Assert.Equal(2, r.ExitCode); // a refused --in is a bad argument
        Assert.Contains("truncated PNG", r.Err);
    }

    [Fact]
    public void Upscale_ZtxtBomb_MetadataNeverInflated()
    {
        // 320 MiB of zeros in a zTXt chunk (about 320 KB on disk) before the pixels of a 16x16 picture.
        var picture = Picture();
        var bomb = WithChunkAfterHeader(picture, "zTXt", [.. "Comment"u8, 0, 0, .. Zlib(new byte[320 << 20])]);
        var input = Write("bomb.png", bomb);
        var output = Out();
        long before = GC.GetTotalAllocatedBytes(precise: true);
        var r = RunWithin("upscale", "--detail", "default", "--in", input, "--out", output, "--scale", "4", "--threads", "1");
        long allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        Assert.True(r.ExitCode == 0, r.Err);
        Assert.Equal((64, 64), (PngInspector.Read(File.ReadAllBytes(output)).Width, PngInspector.Read(File.ReadAllBytes(output)).Height));
        Assert.True(allocated < 200L << 20, $"allocated {allocated >> 20} MB upscaling a 16x16 picture");
    }

    [Fact]
    public void DatasetExport_FolderWithHostileFiles_RefusedByNameRestExported()
    {
        var dir = CliRunner.TempDir();
        for (int i = 0; i < 3; i++) File.WriteAllBytes(Path.Combine(dir, $"good{i}.png"), Picture(i));
        File.WriteAllBytes(Path.Combine(dir, "damaged.png"), Png(64, 64, interlaced: true, Zlib(new byte[4])));
        File.WriteAllBytes(Path.Combine(dir, "huge.png"), Png(20000, 20000, interlaced: false, Zlib(new byte[64])));
        var output = Path.Combine(CliRunner.TempDir(), "out");
        var r = RunWithin("dataset", "export", "--data", dir, "--count", "3", "--res", "16", "--out", output);
        Assert.True(r.ExitCode == 0, r.Err);
        Assert.Contains("skipped damaged.png: truncated PNG", r.Out);
        Assert.Contains("skipped huge.png: 20000x20000 is 400,000,000 pixels", r.Out);
        Assert.Equal(3, Directory.GetFiles(output, "*.png").Length);
    }

    private static byte[] Picture(int seed = 0)
    {
        using var image = new Image<Rgb24>(16, 16);
        for (int y = 0; y < 16; y++) for (int x = 0; x < 16; x++) image[x, y] = new Rgb24((byte)(x * 16 + seed), (byte)(y * 16), (byte)(seed * 40));
        var ms = new MemoryStream();
        image.SaveAsPng(ms);
        return ms.ToArray();
    }

    private static byte[] WithChunkAfterHeader(byte[] png, string type, byte[] data)
    {
        var ms = new MemoryStream();
        ms.Write(png, 0, 33); // signature + IHDR
        PngChunks.Write(ms, type, data);
        ms.Write(png, 33, png.Length - 33);
        return ms.ToArray();
    }

    private static byte[] Png(uint width, uint height, bool interlaced, byte[] idat)
    {
        var ihdr = new byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteUInt32BigEndian(ihdr.AsSpan(4), height);
        (ihdr[8], ihdr[9], ihdr[12]) = (8, 2, (byte)(interlaced ? 1 : 0));
        var ms = new MemoryStream();
        ms.Write(PngChunks.Signature);
        PngChunks.Write(ms, "IHDR", ihdr);
        PngChunks.Write(ms, "IDAT", idat);
        PngChunks.Write(ms, "IEND", []);
        return ms.ToArray();
    }

    private static byte[] Zlib(byte[] raw)
    {
        var ms = new MemoryStream();
        using (var z = new ZLibStream(ms, CompressionLevel.Optimal, leaveOpen: true)) z.Write(raw);
        return ms.ToArray();
    }

    private static string Write(string name, byte[] data)
    {
        var path = Path.Combine(CliRunner.TempDir(), name);
        File.WriteAllBytes(path, data);
        return path;
    }

    private static string Out() => Path.Combine(CliRunner.TempDir(), "out.png");
}
