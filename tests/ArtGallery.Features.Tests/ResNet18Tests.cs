using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using static TorchSharp.torch;

namespace ArtGallery.Features.Tests;

[Collection("Sequential")]
public sealed class ResNet18Tests
{
    private static readonly Lazy<ResNet18Features> Net = new(() => ResNet18Features.Load());

    [Fact]
    public void Pool_SameInputAsOnnxRuntime_MatchesWithin1e4()
    {
        using var session = new InferenceSession(ResNet18Features.DefaultPath);
        var (inputName, meta) = session.InputMetadata.Single();
        int[] dims = [.. meta.Dimensions.Select(d => d < 0 ? 1 : d)];
        Assert.Equal(224, dims[^1]);
        using var scope = NewDisposeScope();
        // Two different images in the file's own convention (0..255 BGR minus mean): smooth gradients plus noise.
        var gen = new Generator(3);
        for (int image = 0; image < 2; image++)
        {
            var x = (rand(new long[] { 1, 3, 224, 224 }, generator: gen) * tensor(255f) - tensor(120f)).contiguous();
            var data = x.data<float>().ToArray();
            var input = NamedOnnxValue.CreateFromTensor(inputName, new DenseTensor<float>(data, dims));
            using var results = session.Run([input]);
            var expected = results.First().AsEnumerable<float>().ToArray();

            float[] actual;
            using (no_grad()) actual = Net.Value.RunPreprocessed(x)[3].mean([2L, 3L]).data<float>().ToArray();
            Assert.Equal(512, expected.Length);
            Assert.Equal(512, actual.Length);
            double maxDiff = expected.Zip(actual, (e, a) => Math.Abs(e - a)).Max();
            Assert.True(maxDiff < 1e-4, $"max |torch - onnxruntime| = {maxDiff:E3} (feature scale {expected.Max(Math.Abs):F2})");
        }
    }

    [Fact]
    public void Forward_64px_TapsAtStrides4To32WithDocumentedChannels()
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var taps = Net.Value.forward(zeros(2, 3, 64, 64));
        Assert.Equal([2L, 64, 16, 16], taps[0].shape);
        Assert.Equal([2L, 128, 8, 8], taps[1].shape);
        Assert.Equal([2L, 256, 4, 4], taps[2].shape);
        Assert.Equal([2L, 512, 2, 2], taps[3].shape);
    }

    [Fact]
    public void Forward_GradientsReachTheInputAndTheNetHasNoTrainableWeights()
    {
        using var scope = NewDisposeScope();
        Assert.Empty(Net.Value.parameters());
        var image = (rand(1, 3, 32, 32) * tensor(2f) - tensor(1f)).requires_grad_(true);
        Net.Value.Pool(image).sum().backward();
        Assert.NotNull(image.grad);
        Assert.True(image.grad!.abs().sum().item<float>() > 0);
    }

    [Fact]
    public void Preprocess_MidGreyRgb_BecomesBgrMinusMean()
    {
        using var scope = NewDisposeScope();
        var rgb = tensor(new[] { 1f, 0f, -1f }, new long[] { 1, 3, 1, 1 }); // R 255, G 127.5, B 0
        var bgr = Net.Value.Preprocess(rgb).data<float>().ToArray();
        Assert.Equal(0 - 103.06f, bgr[0], 3);
        Assert.Equal(127.5f - 115.90f, bgr[1], 3);
        Assert.Equal(255 - 123.15f, bgr[2], 3);
    }

    [Fact]
    public void Load_MissingFile_SaysWhichPath()
    {
        var e = Assert.Throws<FileNotFoundException>(() => ResNet18Features.Load("/nonexistent/ResNet18.onnx"));
        Assert.Contains("/nonexistent/ResNet18.onnx", e.Message);
    }

    [Theory]
    [InlineData("truncated")]
    [InlineData("garbage")]
    [InlineData("empty")]
    public void Load_DamagedFile_ClearErrorNotACrash(string damage)
    {
        var real = File.ReadAllBytes(ResNet18Features.DefaultPath);
        var bytes = damage switch
        {
            "truncated" => real[..(real.Length / 2)],
            "garbage" => RandomBytes(4096),
            _ => [],
        };
        var path = Path.Combine(Path.GetTempPath(), $"resnet-{damage}-{Guid.NewGuid():N}.onnx");
        File.WriteAllBytes(path, bytes);
        try
        {
            var e = Assert.Throws<InvalidDataException>(() => ResNet18Features.Load(path));
            Assert.Matches("protobuf|ONNX|holds no", e.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static byte[] RandomBytes(int n)
    {
        var bytes = new byte[n];
        new Random(1).NextBytes(bytes);
        return bytes;
    }
}
