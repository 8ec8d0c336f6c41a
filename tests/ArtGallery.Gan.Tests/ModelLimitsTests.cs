using System.Text.Json.Nodes;
using ArtGallery.Gan.Checkpoints;
using ArtGallery.Gan.Models;
using ArtGallery.Gan.Sampling;
using ArtGallery.Gan.Training;

namespace ArtGallery.Gan.Tests;

/// <summary>Issue 24 N9: a model file is bounded by its header before any network is built, and every refusal is in words.</summary>
public sealed class ModelLimitsTests : IDisposable
{
    private readonly string dir = TestOptions.TempDir();

    public static TheoryData<string, string, string> HostileOptions => new()
    {
        // name, JSON edits of the options, words the refusal must hold
        { "widths 4096 at 1024 px (the 156-byte attack)", """{"MaxResolution":1024,"Widths":{"4":4096}}""", "4096 channels" },
        { "resolution 2^30", """{"MaxResolution":1073741824}""", "Max resolution must be a power of two in 4..1024" },
        { "recipe 99", """{"Recipe":99}""", "Unknown recipe 99" },
        { "latent 100000", """{"LatentSize":100000}""", "latent size 100000" },
        { "wide at high resolution", """{"MaxResolution":1024,"Widths":{"4":16,"1024":1024}}""", "over 16,777,216 values per image" },
        { "seed channels", """{"Recipe":"Seed","MaxResolution":64,"SeedGenChannels":4096}""", "channels" },
        { "no widths", """{"Widths":null}""", "training options are not valid" },
        { "not JSON", "*", "training options are not valid" },
    };

    [Theory]
    [MemberData(nameof(HostileOptions))]
    public void HostileHeader_RefusedInWordsBeforeAnyNetworkIsBuilt(string name, string edits, string words)
    {
        var path = Write(name, edits == "*" ? "{ not json" : Merge(TinyOptions().ToJson(), edits), resolution: 8, weights: new byte[64]);
        var error = Assert.Throws<InvalidDataException>(() => ArtGenerator.Load(path, TorchSharp.torch.CPU));
        Assert.StartsWith($"damaged model file: {path}: ", error.Message);
        Assert.Contains(words, error.Message);
        Assert.Null(error.InnerException); // refused by the header check itself, not by a network that failed to build
    }

    [Theory]
    [InlineData(16, 1, "its resolution 16 is not a power of two in 4..8")]
    [InlineData(6, 1, "its resolution 6")]
    [InlineData(8, double.NaN, "alpha NaN")]
    [InlineData(8, 2, "alpha 2")]
    public void ResolutionOrAlphaOutOfRange_Refused(int resolution, double alpha, string words)
    {
        var path = Write("res", TinyOptions().ToJson(), resolution, RealWeights(TinyOptions()), alpha);
        Assert.Contains(words, Assert.Throws<InvalidDataException>(() => ArtGenerator.Load(path, TorchSharp.torch.CPU)).Message);
    }

    [Fact]
    public void FewerBytesThanTheWeightsTheOptionsDescribe_RefusedBeforeAllocating()
    {
        // Within every width limit, but 1024-wide layers need ~100 MB of weights and the file holds 64 bytes.
        var options = TinyOptions() with { MaxResolution = 32, Widths = new() { [4] = 1024 } };
        var path = Write("starved", options.ToJson(), 32, new byte[64]);
        var error = Assert.Throws<InvalidDataException>(() => ArtGenerator.Load(path, TorchSharp.torch.CPU));
        Assert.Contains("describe at least", error.Message);
        Assert.Contains("but it holds 64 bytes", error.Message);
    }

    [Fact]
    public void WeightsOfAnotherShape_DamagedModelFileNotALibtorchError()
    {
        var wider = TinyOptions() with { Widths = new() { [4] = 32, [8] = 32 } };
        var path = Write("mismatch", TinyOptions().ToJson(), 8, RealWeights(wider)); // enough bytes, wrong shapes
        var error = Assert.Throws<InvalidDataException>(() => ArtGenerator.Load(path, TorchSharp.torch.CPU));
        Assert.Equal($"damaged model file: {path}: its weights do not match the network its options describe.", error.Message);
    }

    [Fact]
    public void GarbageBehindAValidChecksum_DamagedModelFile()
    {
        var path = Path.Combine(dir, "garbage.agmodel");
        var payload = new byte[40];
        new Random(3).NextBytes(payload);
        payload[0] = 200; // a 7-bit string length pointing far past the end
        WriteHashed(path, "AGMD0001", payload);
        var error = Assert.Throws<InvalidDataException>(() => ArtGenerator.Load(path, TorchSharp.torch.CPU));
        Assert.StartsWith($"damaged model file: {path}: ", error.Message);
    }

    [Fact]
    public void TruncatedFile_DamagedModelFile()
    {
        var path = Write("ok", TinyOptions().ToJson(), 8, RealWeights(TinyOptions()));
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
        Assert.StartsWith($"damaged model file: {path}: truncated", Assert.Throws<InvalidDataException>(() => ArtGenerator.Load(path, TorchSharp.torch.CPU)).Message);
    }

    [Fact]
    public void RealModels_PassTheLimitsAndLoad()
    {
        var path = Write("ok", TinyOptions().ToJson(), 8, RealWeights(TinyOptions()));
        using (var g = ArtGenerator.Load(path, TorchSharp.torch.CPU)) Assert.Equal(8, g.Resolution);
        var bundled = Path.Combine(ProjectAssemblies.RepoRoot(), "wwwroot-assets", "models", "default.agmodel");
        Assert.Null(ModelLimits.Problem(ModelFile.Read(bundled)));
    }

    [Theory]
    [InlineData(GanRecipe.ProGan, 32)]
    [InlineData(GanRecipe.ProGan, 64)]
    [InlineData(GanRecipe.Dcgan, 16)]
    [InlineData(GanRecipe.Dcgan, 64)]
    [InlineData(GanRecipe.Projected, 32)]
    public void WeightsAtLeast_IsALowerBoundCloseToTheRealNetwork(GanRecipe recipe, int resolution)
    {
        var options = TestOptions.Tiny(resolution) with { Recipe = recipe, DcganGenChannels = 8 };
        using var g = ModelFactory.CreateGenerator(options);
        long real = g.parameters().Sum(p => p.numel());
        long bound = ModelLimits.WeightsAtLeast(options);
        Assert.InRange(bound, real * 9 / 10, real);
    }

    [Fact]
    public void ConditionedModel_ItsCollectionAndModulationOnTop_PassesAndLoads()
    {
        // The conditioned generator is progan's plus FiLM layers and its collection's buffers: the bound stays below it.
        var options = TestOptions.TinyConditioned(16) with { Conditioned = TestOptions.TinyConditioned(16).Conditioned with { CollectionSize = 6 } };
        using (var g = ModelFactory.CreateGenerator(options)) Assert.True(ModelLimits.WeightsAtLeast(options) <= g.parameters().Sum(p => p.numel()));
        var path = Write("conditioned", options.ToJson(), 16, RealWeights(options));
        Assert.Null(ModelLimits.Problem(ModelFile.Read(path)));
        using var loaded = ArtGenerator.Load(path, TorchSharp.torch.CPU);
        Assert.Equal(16, loaded.Resolution);
    }

    private static TrainingOptions TinyOptions() => TestOptions.Tiny(8);

    private static byte[] RealWeights(TrainingOptions options)
    {
        using var g = ModelFactory.CreateGenerator(options);
        using var ms = new MemoryStream();
        using (var w = new BinaryWriter(ms, System.Text.Encoding.UTF8, leaveOpen: true)) g.save(w);
        return ms.ToArray();
    }

    private string Write(string name, string optionsJson, int resolution, byte[] weights, double alpha = 1)
    {
        var path = Path.Combine(dir, new string(name.Where(char.IsAsciiLetterOrDigit).ToArray()) + ".agmodel");
        ModelFile.Write(path, new ModelBlob(optionsJson, resolution, alpha, weights));
        return path;
    }

    private static string Merge(string json, string edits)
    {
        var node = JsonNode.Parse(json)!.AsObject();
        foreach (var (key, value) in JsonNode.Parse(edits)!.AsObject()) node[key] = value?.DeepClone();
        return node.ToJsonString();
    }

    // The on-disk layout of HashedFile: magic, payload length, SHA-256, payload.
    private static void WriteHashed(string path, string magic, byte[] payload)
    {
        using var w = new BinaryWriter(File.Create(path));
        w.Write(System.Text.Encoding.ASCII.GetBytes(magic));
        w.Write((long)payload.Length);
        w.Write(System.Security.Cryptography.SHA256.HashData(payload));
        w.Write(payload);
    }

    public void Dispose()
    {
        try { Directory.Delete(dir, true); } catch (IOException) { }
    }
}
