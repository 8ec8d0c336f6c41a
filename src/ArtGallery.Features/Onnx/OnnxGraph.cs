namespace ArtGallery.Features.Onnx;

/// <summary>One node of an ONNX graph: operator, input and output names, integer(-list) attributes.</summary>
internal sealed record OnnxNode(string OpType, IReadOnlyList<string> Inputs, IReadOnlyList<string> Outputs, IReadOnlyDictionary<string, long[]> Ints,
    IReadOnlyDictionary<string, float> Floats);

/// <summary>A float initializer of an ONNX graph.</summary>
internal sealed record OnnxTensor(string Name, long[] Dims, float[] Data);

/// <summary>
/// The parts of an ONNX file that a fixed-architecture port needs: nodes in order and float initializers.
/// Reads the protobuf wire format directly (ModelProto.graph = 7; GraphProto.node = 1, initializer = 5,
/// input = 11, output = 12) with <see cref="ProtoReader"/>, so no generated ONNX classes are needed.
/// </summary>
internal sealed class OnnxGraph
{
    public required IReadOnlyList<OnnxNode> Nodes { get; init; }
    public required IReadOnlyDictionary<string, OnnxTensor> Initializers { get; init; }
    public required IReadOnlyList<string> Inputs { get; init; }
    public required IReadOnlyList<string> Outputs { get; init; }

    public static OnnxGraph Load(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"ONNX model not found: {path}", path);
        var file = File.ReadAllBytes(path);
        var model = new ProtoReader(file);
        while (model.Next(out int field, out int wire))
            if (field == 7) return ReadGraph(model.ReadBytes()); else model.Skip(wire);
        throw new InvalidDataException($"{path} holds no ONNX graph.");
    }

    private static OnnxGraph ReadGraph(ReadOnlySpan<byte> message)
    {
        var nodes = new List<OnnxNode>();
        var inits = new Dictionary<string, OnnxTensor>();
        var inputs = new List<string>();
        var outputs = new List<string>();
        var input = new ProtoReader(message);
        while (input.Next(out int field, out int wire))
        {
            switch (field)
            {
                case 1: nodes.Add(OnnxMessages.ReadNode(input.ReadBytes())); break;
                case 5: var t = OnnxMessages.ReadTensor(input.ReadBytes()); inits[t.Name] = t; break;
                case 11: inputs.Add(OnnxMessages.ReadValueInfoName(input.ReadBytes())); break;
                case 12: outputs.Add(OnnxMessages.ReadValueInfoName(input.ReadBytes())); break;
                default: input.Skip(wire); break;
            }
        }
        return new OnnxGraph { Nodes = nodes, Initializers = inits, Inputs = inputs, Outputs = outputs };
    }

    /// <summary>The initializer of that name; a clear error if the file lacks it.</summary>
    public OnnxTensor Tensor(string name) =>
        Initializers.TryGetValue(name, out var t) ? t : throw new InvalidDataException($"ONNX initializer '{name}' is missing.");
}
