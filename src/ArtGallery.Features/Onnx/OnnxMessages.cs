using Google.Protobuf;

namespace ArtGallery.Features.Onnx;

/// <summary>Wire-format readers for the ONNX messages <see cref="OnnxGraph"/> needs (field numbers from onnx.proto).</summary>
internal static class OnnxMessages
{
    // NodeProto: input = 1, output = 2, op_type = 4, attribute = 5.
    public static OnnxNode ReadNode(CodedInputStream input)
    {
        var (inputs, outputs) = (new List<string>(), new List<string>());
        var ints = new Dictionary<string, long[]>();
        var floats = new Dictionary<string, float>();
        string op = "";
        for (uint tag; (tag = input.ReadTag()) != 0;)
        {
            switch (WireFormat.GetTagFieldNumber(tag))
            {
                case 1: inputs.Add(input.ReadString()); break;
                case 2: outputs.Add(input.ReadString()); break;
                case 4: op = input.ReadString(); break;
                case 5: ReadAttribute(input.ReadBytes().CreateCodedInput(), ints, floats); break;
                default: input.SkipLastField(); break;
            }
        }
        return new OnnxNode(op, inputs, outputs, ints, floats);
    }

    // AttributeProto: name = 1, f = 2, i = 3, ints = 8 (packed or not). Strings and tensors are not needed.
    private static void ReadAttribute(CodedInputStream input, Dictionary<string, long[]> ints, Dictionary<string, float> floats)
    {
        string name = "";
        var values = new List<long>();
        float? f = null;
        for (uint tag; (tag = input.ReadTag()) != 0;)
        {
            switch (WireFormat.GetTagFieldNumber(tag))
            {
                case 1: name = input.ReadString(); break;
                case 2: f = input.ReadFloat(); break;
                case 3: values.Add(input.ReadInt64()); break;
                case 8: ReadInt64s(input, tag, values); break;
                default: input.SkipLastField(); break;
            }
        }
        if (values.Count > 0) ints[name] = [.. values];
        if (f is { } v) floats[name] = v;
    }

    // TensorProto: dims = 1, data_type = 2, float_data = 4, name = 8, raw_data = 9 (little-endian floats).
    public static OnnxTensor ReadTensor(CodedInputStream input)
    {
        var dims = new List<long>();
        var data = new List<float>();
        string name = "";
        int type = 1;
        for (uint tag; (tag = input.ReadTag()) != 0;)
        {
            switch (WireFormat.GetTagFieldNumber(tag))
            {
                case 1: ReadInt64s(input, tag, dims); break;
                case 2: type = input.ReadInt32(); break;
                case 4: ReadFloats(input, tag, data); break;
                case 8: name = input.ReadString(); break;
                case 9: data.AddRange(System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(input.ReadBytes().Span).ToArray()); break;
                default: input.SkipLastField(); break;
            }
        }
        if (type != 1) throw new InvalidDataException($"ONNX tensor '{name}' has data type {type}; only float (1) is supported.");
        long count = dims.Aggregate(1L, (a, d) => a * d);
        if (count != data.Count) throw new InvalidDataException($"ONNX tensor '{name}' has {data.Count} values for shape [{string.Join(',', dims)}].");
        return new OnnxTensor(name, [.. dims], [.. data]);
    }

    // ValueInfoProto: name = 1.
    public static string ReadValueInfoName(CodedInputStream input)
    {
        for (uint tag; (tag = input.ReadTag()) != 0;)
            if (WireFormat.GetTagFieldNumber(tag) == 1) return input.ReadString(); else input.SkipLastField();
        return "";
    }

    private static void ReadInt64s(CodedInputStream input, uint tag, List<long> into)
    {
        if (WireFormat.GetTagWireType(tag) != WireFormat.WireType.LengthDelimited) { into.Add(input.ReadInt64()); return; }
        var packed = input.ReadBytes().CreateCodedInput();
        while (!packed.IsAtEnd) into.Add(packed.ReadInt64());
    }

    private static void ReadFloats(CodedInputStream input, uint tag, List<float> into)
    {
        if (WireFormat.GetTagWireType(tag) != WireFormat.WireType.LengthDelimited) { into.Add(input.ReadFloat()); return; }
        into.AddRange(System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(input.ReadBytes().Span).ToArray());
    }
}
