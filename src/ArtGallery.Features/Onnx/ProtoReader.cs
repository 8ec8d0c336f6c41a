using System.Buffers.Binary;
using System.Text;

namespace ArtGallery.Features.Onnx;

/// <summary>
/// A forward-only reader of the protobuf wire format over bytes already in memory. Nested messages and raw tensor data
/// are slices of the one file buffer, never copies (Google.Protobuf's CodedInputStream copies every length-delimited
/// field it hands out, which made loading the 45 MB ResNet-18 file peak at ~300 MB of managed heap).
/// </summary>
internal ref struct ProtoReader(ReadOnlySpan<byte> data)
{
    private readonly ReadOnlySpan<byte> data = data;
    private int position;

    public const int Varint = 0, Fixed64 = 1, LengthDelimited = 2, Fixed32 = 5;

    /// <summary>True while bytes are left (for packed repeated fields).</summary>
    public readonly bool HasMore => position < data.Length;

    /// <summary>Reads the next field's number and wire type; false at the end of the message.</summary>
    public bool Next(out int field, out int wireType)
    {
        if (position >= data.Length) { field = wireType = 0; return false; }
        ulong tag = ReadVarint();
        (field, wireType) = ((int)(tag >> 3), (int)(tag & 7));
        if (field == 0) throw new InvalidDataException("Corrupt protobuf: field number 0.");
        return true;
    }

    public ulong ReadVarint()
    {
        ulong value = 0;
        for (int shift = 0; shift < 64; shift += 7)
        {
            if (position >= data.Length) throw new InvalidDataException("Corrupt protobuf: truncated varint.");
            byte b = data[position++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80) return value;
        }
        throw new InvalidDataException("Corrupt protobuf: varint longer than 10 bytes.");
    }

    /// <summary>A length-delimited field's bytes (a slice, not a copy).</summary>
    public ReadOnlySpan<byte> ReadBytes()
    {
        ulong length = ReadVarint();
        if (length > (ulong)(data.Length - position)) throw new InvalidDataException("Corrupt protobuf: a field runs past the end of its message.");
        var slice = data.Slice(position, (int)length);
        position += (int)length;
        return slice;
    }

    public string ReadString() => Encoding.UTF8.GetString(ReadBytes());

    public float ReadFloat()
    {
        if (data.Length - position < 4) throw new InvalidDataException("Corrupt protobuf: truncated float.");
        float value = BinaryPrimitives.ReadSingleLittleEndian(data[position..]);
        position += 4;
        return value;
    }

    /// <summary>Skips the value of a field of <paramref name="wireType"/>.</summary>
    public void Skip(int wireType)
    {
        switch (wireType)
        {
            case Varint: ReadVarint(); break;
            case LengthDelimited: ReadBytes(); break;
            case Fixed64 or Fixed32:
                int size = wireType == Fixed64 ? 8 : 4;
                if (data.Length - position < size) throw new InvalidDataException("Corrupt protobuf: truncated field.");
                position += size;
                break;
            default: throw new InvalidDataException($"Corrupt protobuf: unsupported wire type {wireType}.");
        }
    }
}
