using ArtGallery.Features.Onnx;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace ArtGallery.Features;

/// <summary>One executable node of the compiled graph (a batch norm is folded into the conv before it).</summary>
internal sealed class OnnxStep
{
    public required string Op { get; init; }
    public required string[] Inputs { get; init; }
    public required string Output { get; init; }
    public Tensor? Weight { get; init; }
    public Tensor? Bias { get; init; }
    public long[] Pads { get; init; } = [0, 0, 0, 0];
    public long[] Strides { get; init; } = [1, 1];
    public long[] Kernel { get; init; } = [1, 1];

    /// <summary>
    /// Turns the graph into steps and finds the four taps: a stage ends at the last block output (ReLU after a
    /// residual Add) before a stride-2 conv, and at the last one (this CNTK export has 2/2/2/3 blocks). The final
    /// AveragePool is left out; callers take the spatial mean, which equals it at 224 px and works at any size.
    /// </summary>
    public static (List<OnnxStep> Steps, string[] Taps) Compile(OnnxGraph graph)
    {
        var producer = graph.Nodes.SelectMany(n => n.Outputs.Select(o => (o, n))).ToDictionary(p => p.o, p => p.n);
        var consumers = graph.Nodes.SelectMany(n => n.Inputs).GroupBy(i => i).ToDictionary(g => g.Key, g => g.Count());
        var steps = new List<OnnxStep>();
        var renamed = new Dictionary<string, string>(); // BN output -> conv output it was folded into
        string Name(string n) => renamed.TryGetValue(n, out var r) ? r : n;
        var reluAfterAdd = new List<string>();
        foreach (var node in graph.Nodes)
        {
            switch (node.OpType)
            {
                case "Conv":
                    var bn = graph.Nodes.FirstOrDefault(n => n.OpType == "BatchNormalization" && n.Inputs[0] == node.Outputs[0]);
                    if (bn is not null && consumers[node.Outputs[0]] != 1) bn = null;
                    var (w, b) = OnnxOps.FoldBatchNorm(graph, node, bn);
                    if (bn is not null) renamed[bn.Outputs[0]] = node.Outputs[0];
                    steps.Add(new OnnxStep { Op = "Conv", Inputs = [Name(node.Inputs[0])], Output = node.Outputs[0], Weight = w, Bias = b,
                        Pads = OnnxOps.Pads(node), Strides = OnnxOps.Strides(node) });
                    break;
                case "BatchNormalization" when renamed.ContainsKey(node.Outputs[0]):
                    break;
                case "Relu" or "Add" or "MaxPool":
                    steps.Add(new OnnxStep
                    {
                        Op = node.OpType, Inputs = [.. node.Inputs.Select(Name)], Output = node.Outputs[0],
                        Pads = OnnxOps.Pads(node), Strides = OnnxOps.Strides(node),
                        Kernel = node.Ints.TryGetValue("kernel_shape", out var k) ? k : [1, 1],
                    });
                    if (node.OpType == "Relu" && producer.TryGetValue(node.Inputs[0], out var p) && p.OpType == "Add") reluAfterAdd.Add(node.Outputs[0]);
                    break;
                case "AveragePool":
                    break;
                default:
                    throw new InvalidDataException($"The ONNX graph uses '{node.OpType}', which this ResNet port does not implement.");
            }
        }
        var taps = reluAfterAdd.Where(r => graph.Nodes.Any(n => n.OpType == "Conv" && n.Inputs[0] == r && OnnxOps.Strides(n)[0] == 2))
            .Append(reluAfterAdd.LastOrDefault() ?? "").ToArray();
        if (taps.Length != 4 || taps[^1] == "") throw new InvalidDataException($"Expected a ResNet with 4 stages, found {taps.Length}.");
        return (steps, taps);
    }

    public Tensor Run(Dictionary<string, Tensor> values)
    {
        var x = values[Inputs[0]];
        switch (Op)
        {
            case "Conv":
                var (padded, padding) = OnnxOps.Pad(x, Pads, 0);
                return F.conv2d(padded, Weight!, Bias, strides: Strides, padding: padding);
            case "MaxPool":
                var (p, pad) = OnnxOps.Pad(x, Pads, double.NegativeInfinity);
                return F.max_pool2d(p, Kernel, Strides, pad);
            case "Relu":
                return F.relu(x);
            default:
                return x.add(values[Inputs[1]], OnnxOps.One);
        }
    }
}
