using System.Text.Json;
using ArtGallery.Detail.Network;
using ArtGallery.Detail.Training;

namespace ArtGallery.Detail.Tests;

/// <summary>Issue 24 N9: a .agdetail header is bounded before any net is built; every refusal says "damaged model file: ..." in words.</summary>
public sealed class DetailModelLimitsTests : IDisposable
{
    private readonly string dir = Path.Combine(Path.GetTempPath(), "ag-detail-limits-" + Guid.NewGuid().ToString("N"));

    public DetailModelLimitsTests() => Directory.CreateDirectory(dir);

    [Theory]
    [InlineData(8192, 64, 64, "8192 channels")] // the 232-byte attack: 8192 x 64 blocks would allocate past 6 GB
    [InlineData(48, 65, 64, "65 blocks")]
    [InlineData(50, 6, 64, "50 channels")]
    [InlineData(48, 6, 1 << 20, "1048576 px")]
    public void HostileHeader_RefusedBeforeAnyNetIsBuilt(int channels, int blocks, int resolution, string words)
    {
        var path = Write("hostile", Header(channels, blocks, resolution), new byte[64]);
        Assert.True(new FileInfo(path).Length < 400, "a few hundred bytes claim the whole net");
        var error = Assert.Throws<InvalidDataException>(() => DetailModel.Load(path));
        Assert.StartsWith($"damaged model file: {path}: ", error.Message);
        Assert.Contains(words, error.Message);
        Assert.Null(error.InnerException);
    }

    [Fact]
    public void HeaderWithinLimitsButFewerBytesThanItsWeights_Refused()
    {
        var path = Write("starved", Header(256, 64, 64), new byte[1000]);
        var error = Assert.Throws<InvalidDataException>(() => DetailModel.Load(path));
        Assert.Contains("describes at least", error.Message);
        Assert.Contains("holds 1,000 bytes", error.Message);
    }

    [Fact]
    public void WeightsOfAnotherNet_DamagedModelFileNotALibtorchError()
    {
        using var other = new DetailNet(16, 2);
        var path = Write("mismatch", Header(12, 1, 16), Weights(other)); // more bytes than a 12x1 net needs, other shapes
        var error = Assert.Throws<InvalidDataException>(() => DetailModel.Load(path));
        Assert.Equal($"damaged model file: {path}: its weights do not match its header (pass 1: 12 channels, 1 blocks).", error.Message);
    }

    [Theory]
    [InlineData("{ not json")]
    [InlineData("null")]
    [InlineData("""{"GeneratorResolution":16,"Channels":12,"Blocks":1,"Profile":{"BlurSigma":99,"Noise":0},"TrainedOn":"x","Steps":1,"Minutes":1,"FinalLoss":0}""")]
    public void BadHeaderJson_DamagedModelFile(string json)
    {
        using var net = new DetailNet(12, 1);
        var path = Write("json", json, Weights(net));
        Assert.StartsWith($"damaged model file: {path}: ", Assert.Throws<InvalidDataException>(() => DetailModel.Load(path)).Message);
    }

    [Fact]
    public void ConsistentFileAndTheBundledModel_Load()
    {
        using var net = new DetailNet(12, 1);
        var path = Write("ok", Header(12, 1, 16), Weights(net));
        using (var model = DetailModel.Load(path, TorchSharp.torch.CPU)) Assert.Equal(12, model.Info.Channels);
        using var bundled = DetailModel.Load(BundledPath(), TorchSharp.torch.CPU);
        Assert.True(bundled.ParameterCount >= DetailNet.WeightsAtLeast(bundled.Info.Channels, bundled.Info.Blocks));
    }

    [Theory]
    [InlineData(12, 1)]
    [InlineData(48, 6)]
    public void WeightsAtLeast_IsALowerBoundCloseToTheRealNet(int channels, int blocks)
    {
        using var net = new DetailNet(channels, blocks);
        Assert.InRange(DetailNet.WeightsAtLeast(channels, blocks), net.ParameterCount * 9 / 10, net.ParameterCount);
    }

    // A format-1 header (issue 11's files: one net); format 2 is covered in DetailPassTests.
    private static string Header(int channels, int blocks, int resolution) =>
        JsonSerializer.Serialize(new DetailModelInfo(resolution, channels, blocks, new DegradationProfile(0.5, 0.004), "test", 1, 0.1, 0.05)
        { Format = DetailModelInfo.SinglePassFormat });

    private static byte[] Weights(DetailNet net)
    {
        using var ms = new MemoryStream();
        using (var w = new BinaryWriter(ms, System.Text.Encoding.UTF8, leaveOpen: true)) net.save(w);
        return ms.ToArray();
    }

    // The .agdetail layout: magic, payload length, SHA-256 of the payload, payload (header string, then the weights).
    private string Write(string name, string header, byte[] weights)
    {
        using var payload = new MemoryStream();
        using (var w = new BinaryWriter(payload, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            w.Write(header);
            w.Write(weights);
        }
        var bytes = payload.ToArray();
        var path = Path.Combine(dir, name + DetailModel.Extension);
        using var file = new BinaryWriter(File.Create(path));
        file.Write("AGDT0001"u8);
        file.Write((long)bytes.Length);
        file.Write(System.Security.Cryptography.SHA256.HashData(bytes));
        file.Write(bytes);
        return path;
    }

    private static string BundledPath()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "ArtGallery.sln"))) root = root.Parent;
        return Path.Combine(root!.FullName, "wwwroot-assets", "models", "default" + DetailModel.Extension);
    }

    public void Dispose()
    {
        try { Directory.Delete(dir, true); } catch (IOException) { }
    }
}
