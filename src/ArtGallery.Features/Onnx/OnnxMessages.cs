using System.Runtime.InteropServices;

namespace ArtGallery.Features.Onnx;

/// <summary>Wire-format readers for the ONNX messages <see cref="OnnxGraph"/> needs (field numbers from onnx.proto).</summary>
internal static class OnnxMessages
{
    // NodeProto: input = 1, output = 2, op_type = 4, attribute = 5.
    public static OnnxNode ReadNode(ReadOnlySpan<byte> message)
    {
        var (inputs, outputs) = (new List<string>(), new List<string>());
        var ints = new Dictionary<string, long[]>();
        var floats = new Dictionary<string, float>();
        string op = "";
        var input = new ProtoReader(message);
        while (input.Next(out int field, out int wire))
        {
            switch (field)
            {
                case 1: inputs.Add(input.ReadString()); break;
                case 2: outputs.Add(input.ReadString()); break;
                case 4: op = input.ReadString(); break;
                case 5: ReadAttribute(input.ReadBytes(), ints, floats); break;
                default: input.Skip(wire); break;
            }
        }
        return new OnnxNode(op, inputs, outputs, ints, floats);
    }

    // AttributeProto: name = 1, f = 2, i = 3, ints = 8 (packed or not). Strings and tensors are not needed.
    private static void ReadAttribute(ReadOnlySpan<byte> message, Dictionary<string, long[]> ints, Dictionary<string, float> floats)
    {
        string name = "";
        var values = new List<long>();
        float? f = null;
        var input = new ProtoReader(message);
        while (input.Next(out int field, out int wire))
        {
            switch (field)
            {
                case 1: name = input.ReadString(); break;
                case 2: f = input.ReadFloat(); break;
                case 3: values.Add((long)input.ReadVarint()); break;
                case 8: ReadInt64s(ref input, wire, values); break;
                default: input.Skip(wire); break;
            }
        }
        if (values.Count > 0) ints[name] = [.. values];
        if (f is { } v) floats[name] = v;
    }

    // TensorProto: dims = 1, data_type = 2, float_data = 4, name = 8, raw_data = 9 (little-endian floats).
    public static OnnxTensor ReadTensor(ReadOnlySpan<byte> message)
    {
        var dims = new List<long>();
        float[]? raw = null;
        List<float>? listed = null;
        string name = "";
        int type = 1;
        var input = new ProtoReader(message);
        while (input.Next(out int field, out int wire))
        {
            switch (field)
            {
                case 1: ReadInt64s(ref input, wire, dims); break;
                case 2: type = (int)input.ReadVarint(); break;
                case 4: ReadFloats(ref input, wire, listed ??= []); break;
                case 8: name = input.ReadString(); break;
                // One copy, straight from the file buffer into the tensor's array (this machine is little-endian, as the format).
                case 9: raw = MemoryMarshal.Cast<byte, float>(input.ReadBytes()).ToArray(); break;
                default: input.Skip(wire); break;
            }
        }
        if (type != 1) throw new InvalidDataException($"ONNX tensor '{name}' has data type {type}; only float (1) is supported.");
        var data = raw ?? listed?.ToArray() ?? [];
        long count = dims.Aggregate(1L, (a, d) => a * d);
        if (count != data.Length) throw new InvalidDataException($"ONNX tensor '{name}' has {data.Length} values for shape [{string.Join(',', dims)}].");
        return new OnnxTensor(name, [.. dims], data);
    }

    // ValueInfoProto: name = 1.
    public static string ReadValueInfoName(ReadOnlySpan<byte> message)
    {
        var input = new ProtoReader(message);
        while (input.Next(out int field, out int wire))
            if (field == 1) return input.ReadString(); else input.Skip(wire);
        return "";
    }

    private static void ReadInt64s(ref ProtoReader input, int wire, List<long> into)
    {
        if (wire != ProtoReader.LengthDelimited) { into.Add((long)input.ReadVarint()); return; }
        var packed = new ProtoReader(input.ReadBytes());
        while (packed.HasMore) into.Add((long)packed.ReadVarint());
    }

    private static void ReadFloats(ref ProtoReader input, int wire, List<float> into)
    {
        if (wire != ProtoReader.LengthDelimited) { into.Add(input.ReadFloat()); return; }
        into.AddRange(MemoryMarshal.Cast<byte, float>(input.ReadBytes()).ToArray());
    }
}
