using ArtGallery.Features.Onnx;
using TorchSharp;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace ArtGallery.Features;

/// <summary>
/// Frozen ImageNet ResNet-18 (NuGet Microsoft.ML.DnnImageFeaturizer.ResNet18, a CNTK export) run in TorchSharp,
/// so gradients flow to the input image. Input: RGB in [-1, 1], N x 3 x H x W, any size down to 32 px. The
/// file expects 0..255 BGR minus the ImageNet mean (B 103.06, G 115.90, R 123.15) and no division by a std; that
/// preprocessing happens here. <see cref="forward"/> returns the taps after layer1..layer4 (strides 4/8/16/32,
/// 64/128/256/512 channels); <see cref="Pool"/> the 512-d global average of layer4 (the file's output).
/// </summary>
public sealed partial class ResNet18Features : nn.Module<Tensor, Tensor[]>
{
    /// <summary>Channels of the four taps.</summary>
    public static readonly int[] TapChannels = [64, 128, 256, 512];

    /// <summary>Per-channel means in the file's 0..255 BGR order, from ResNetPreprocess.onnx's MeanImage.</summary>
    public static readonly float[] MeanBgr = [103.06f, 115.90f, 123.15f];

    /// <summary>Where the build copies the weights: DnnImageModels/ResNet18.onnx beside this assembly.</summary>
    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, "DnnImageModels", "ResNet18.onnx");

    private readonly List<OnnxStep> steps;
    private readonly string[] tapNames;
    private readonly Tensor scale; // 127.5 per channel: [-1, 1] -> 0..255
    private readonly Tensor offset; // 127.5 - mean, in BGR order

    private ResNet18Features(OnnxGraph graph) : base(nameof(ResNet18Features))
    {
        (steps, tapNames) = OnnxStep.Compile(graph);
        scale = tensor(new[] { 127.5f, 127.5f, 127.5f }, new long[] { 1, 3, 1, 1 }).DetachFromDisposeScope();
        offset = tensor(MeanBgr.Select(m => 127.5f - m).ToArray(), new long[] { 1, 3, 1, 1 }).DetachFromDisposeScope();
        foreach (var (i, s) in steps.Index())
        {
            if (s.Weight is { } w) register_buffer($"w{i}", w);
            if (s.Bias is { } b) register_buffer($"b{i}", b);
        }
        register_buffer("scale", scale);
        register_buffer("offset", offset);
        eval();
    }

    /// <summary>Loads the weights (default: <see cref="DefaultPath"/>); a clear error if the file is missing or not this network.</summary>
    public static ResNet18Features Load(string? path = null) => new(OnnxGraph.Load(path ?? DefaultPath));

    /// <summary>The file's own input convention (0..255 BGR minus mean) from RGB in [-1, 1].</summary>
    public Tensor Preprocess(Tensor rgb) => rgb.flip(1).mul(scale).add(offset, OnnxOps.One);

    /// <summary>Taps after layer1..layer4 of RGB images in [-1, 1].</summary>
    public override Tensor[] forward(Tensor rgb) => RunPreprocessed(Preprocess(rgb));

    /// <summary>Taps of input already in the file's convention (for checks against ONNX Runtime).</summary>
    public Tensor[] RunPreprocessed(Tensor x)
    {
        var values = new Dictionary<string, Tensor> { [steps[0].Inputs[0]] = x };
        foreach (var step in steps) values[step.Output] = step.Run(values);
        return [.. tapNames.Select(n => values[n])];
    }

    /// <summary>512-d pool features (global average of layer4) of RGB images in [-1, 1].</summary>
    public Tensor Pool(Tensor rgb) => forward(rgb)[3].mean([2L, 3L]);
}
