using System.Buffers.Binary;
using System.Text;

namespace ArtGallery.Imaging;

/// <summary>Reads and writes raw PNG chunks (length, type, data, CRC-32).</summary>
internal static class PngChunks
{
    public static readonly byte[] Signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly uint[] Table = BuildTable();

    public readonly record struct Chunk(string Type, int Offset, int Length, bool CrcOk)
    {
        /// <summary>Bytes of the whole chunk including length, type and CRC.</summary>
        public int TotalLength => Length + 12;
    }

    public static bool HasSignature(ReadOnlySpan<byte> data) => data.Length >= 8 && data[..8].SequenceEqual(Signature);

    /// <summary>Walks chunks; stops at IEND or at the first chunk that does not fit (then <paramref name="complete"/> is false).</summary>
    public static List<Chunk> Walk(ReadOnlySpan<byte> png, out bool complete)
    {
        var chunks = new List<Chunk>();
        complete = false;
        int pos = 8;
        while (pos + 12 <= png.Length)
        {
            uint length = BinaryPrimitives.ReadUInt32BigEndian(png[pos..]);
            if (length > int.MaxValue || pos + 12L + length > png.Length) return chunks;
            string type = Encoding.ASCII.GetString(png.Slice(pos + 4, 4));
            uint crc = BinaryPrimitives.ReadUInt32BigEndian(png[(pos + 8 + (int)length)..]);
            chunks.Add(new Chunk(type, pos, (int)length, crc == Crc(png.Slice(pos + 4, 4 + (int)length))));
            pos += 12 + (int)length;
            if (type == "IEND") { complete = true; return chunks; }
        }
        return chunks;
    }

    public static void Write(Stream output, string type, ReadOnlySpan<byte> data)
    {
        Span<byte> head = stackalloc byte[8];
        BinaryPrimitives.WriteUInt32BigEndian(head, (uint)data.Length);
        Encoding.ASCII.GetBytes(type, head[4..]);
        output.Write(head);
        output.Write(data);
        var typed = new byte[4 + data.Length];
        head[4..].CopyTo(typed);
        data.CopyTo(typed.AsSpan(4));
        Span<byte> crc = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc(typed));
        output.Write(crc);
    }

    public static uint Crc(ReadOnlySpan<byte> data)
    {
        uint c = 0xFFFFFFFFu;
        foreach (byte b in data) c = Table[(c ^ b) & 0xFF] ^ (c >> 8);
        return c ^ 0xFFFFFFFFu;
    }

    private static uint[] BuildTable()
    {
        var t = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            uint c = n;
            for (int k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            t[n] = c;
        }
        return t;
    }
}
