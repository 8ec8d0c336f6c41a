using System.Buffers.Binary;
using System.Text;

namespace ArtGallery.Imaging;

/// <summary>The one PNG chunk walker and CRC-32 of the app: reads and writes raw chunks (length, type, data, CRC).</summary>
public static class PngChunks
{
    /// <summary>The 8-byte PNG file signature.</summary>
    public static readonly byte[] Signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly uint[] Table = BuildTable();

    /// <summary>One chunk: its type, where its length field starts, its data length and whether its CRC matched.</summary>
    public readonly record struct Chunk(string Type, int Offset, int Length, bool CrcOk)
    {
        /// <summary>Bytes of the whole chunk including length, type and CRC.</summary>
        public int TotalLength => Length + 12;

        /// <summary>Ancillary chunks (lower-case first letter: text, profiles, EXIF, ...) carry no pixels.</summary>
        public bool IsAncillary => Type.Length == 4 && (Type[0] & 0x20) != 0;

        /// <summary>The chunk's data inside <paramref name="png"/>.</summary>
        public ReadOnlySpan<byte> Data(ReadOnlySpan<byte> png) => png.Slice(Offset + 8, Length);
    }

    /// <summary>The width and height IHDR claims, or null when the first chunk is not a 13-byte IHDR.</summary>
    public static (uint Width, uint Height)? HeaderSize(ReadOnlySpan<byte> png, List<Chunk> chunks)
    {
        if (chunks.Count == 0 || chunks[0].Type != "IHDR" || chunks[0].Length != 13) return null;
        var header = chunks[0].Data(png);
        return (BinaryPrimitives.ReadUInt32BigEndian(header), BinaryPrimitives.ReadUInt32BigEndian(header[4..]));
    }

    /// <summary>True when <paramref name="data"/> starts with the PNG signature.</summary>
    public static bool HasSignature(ReadOnlySpan<byte> data) => data.Length >= 8 && data[..8].SequenceEqual(Signature);

    /// <summary>Most chunks walked (a 64 MB PNG written in 8 KB IDATs has about 8,000): a flood of empty chunks stops here.</summary>
    public const int MaxChunks = 100_000;

    /// <summary>
    /// Walks chunks; stops at IEND (then <paramref name="complete"/> is true), at the first chunk that does not fit,
    /// after <see cref="MaxChunks"/> chunks, or when more than <paramref name="maxAncillary"/> ancillary chunks were seen
    /// (the last one listed is the one over).
    /// </summary>
    public static List<Chunk> Walk(ReadOnlySpan<byte> png, out bool complete, int maxAncillary = int.MaxValue)
    {
        var chunks = new List<Chunk>();
        complete = false;
        int pos = 8, ancillary = 0;
        while (pos + 12 <= png.Length && chunks.Count < MaxChunks)
        {
            uint length = BinaryPrimitives.ReadUInt32BigEndian(png[pos..]);
            if (length > int.MaxValue || pos + 12L + length > png.Length) return chunks;
            string type = TypeName(png.Slice(pos + 4, 4));
            uint crc = BinaryPrimitives.ReadUInt32BigEndian(png[(pos + 8 + (int)length)..]);
            var chunk = new Chunk(type, pos, (int)length, crc == Crc(png.Slice(pos + 4, 4 + (int)length)));
            chunks.Add(chunk);
            if (chunk.IsAncillary && ++ancillary > maxAncillary) return chunks;
            pos += 12 + (int)length;
            if (type == "IEND") { complete = true; return chunks; }
        }
        return chunks;
    }

    // Shared strings for the chunks that can come by the thousand.
    private static string TypeName(ReadOnlySpan<byte> type) =>
        type.SequenceEqual("IDAT"u8) ? "IDAT" : type.SequenceEqual("IHDR"u8) ? "IHDR" : type.SequenceEqual("IEND"u8) ? "IEND"
        : type.SequenceEqual("tEXt"u8) ? "tEXt" : Encoding.ASCII.GetString(type);

    /// <summary>Writes one chunk (length, type, data, CRC) to <paramref name="output"/>.</summary>
    public static void Write(Stream output, string type, ReadOnlySpan<byte> data)
    {
        Span<byte> head = stackalloc byte[8];
        BinaryPrimitives.WriteUInt32BigEndian(head, (uint)data.Length);
        Encoding.ASCII.GetBytes(type, head[4..]);
        output.Write(head);
        output.Write(data);
        Span<byte> crc = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc(data, Crc(head[4..], 0xFFFFFFFFu, finish: false)));
        output.Write(crc);
    }

    /// <summary>CRC-32 (PNG/zlib polynomial) of <paramref name="data"/>.</summary>
    public static uint Crc(ReadOnlySpan<byte> data) => Crc(data, 0xFFFFFFFFu);

    private static uint Crc(ReadOnlySpan<byte> data, uint c, bool finish = true)
    {
        foreach (byte b in data) c = Table[(c ^ b) & 0xFF] ^ (c >> 8);
        return finish ? c ^ 0xFFFFFFFFu : c;
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
