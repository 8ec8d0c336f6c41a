using System.Buffers.Binary;
using System.Text;

namespace ArtGallery.Imaging.Tests;

/// <summary>Zips written byte by byte (stored entries), so tests can make the directories a library never would.</summary>
internal static class RawZip
{
    /// <summary>One stored entry; <paramref name="DeclaredSize"/> overrides the uncompressed size in the central directory (as zip64).</summary>
    public sealed record Item(string Name, byte[] Data, ulong? DeclaredSize = null);

    /// <summary>The zip; <paramref name="endCount"/> overrides the end record's entry count.</summary>
    public static byte[] Build(IReadOnlyList<Item> items, int? endCount = null)
    {
        var ms = new MemoryStream();
        var offsets = new List<long>();
        foreach (var item in items)
        {
            offsets.Add(ms.Position);
            var name = Encoding.UTF8.GetBytes(item.Name);
            Write32(ms, 0x04034b50); Write16(ms, 20); Write16(ms, 0); Write16(ms, 0); Write32(ms, 0);
            Write32(ms, PngChunks.Crc(item.Data)); Write32(ms, (uint)item.Data.Length); Write32(ms, (uint)item.Data.Length);
            Write16(ms, (ushort)name.Length); Write16(ms, 0);
            ms.Write(name);
            ms.Write(item.Data);
        }
        long directory = ms.Position;
        for (int i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var name = Encoding.UTF8.GetBytes(item.Name);
            bool zip64 = item.DeclaredSize is not null;
            Write32(ms, 0x02014b50); Write16(ms, 45); Write16(ms, 45); Write16(ms, 0); Write16(ms, 0); Write32(ms, 0);
            Write32(ms, PngChunks.Crc(item.Data));
            Write32(ms, zip64 ? 0xFFFFFFFF : (uint)item.Data.Length); Write32(ms, zip64 ? 0xFFFFFFFF : (uint)item.Data.Length);
            Write16(ms, (ushort)name.Length); Write16(ms, (ushort)(zip64 ? 20 : 0)); Write16(ms, 0); Write16(ms, 0); Write16(ms, 0);
            Write32(ms, 0); Write32(ms, (uint)offsets[i]);
            ms.Write(name);
            if (zip64) { Write16(ms, 1); Write16(ms, 16); Write64(ms, item.DeclaredSize!.Value); Write64(ms, (ulong)item.Data.Length); }
        }
        long size = ms.Position - directory;
        ushort count = (ushort)(endCount ?? items.Count);
        Write32(ms, 0x06054b50); Write16(ms, 0); Write16(ms, 0); Write16(ms, count); Write16(ms, count);
        Write32(ms, (uint)size); Write32(ms, (uint)directory); Write16(ms, 0);
        return ms.ToArray();
    }

    /// <summary><paramref name="count"/> empty entries: a central-directory bomb in miniature.</summary>
    public static byte[] ManyEmpty(int count, int? endCount = null) =>
        Build([.. Enumerable.Range(0, count).Select(i => new Item($"{i}.png", []))], endCount);

    private static void Write16(Stream s, ushort v) { Span<byte> b = stackalloc byte[2]; BinaryPrimitives.WriteUInt16LittleEndian(b, v); s.Write(b); }

    private static void Write32(Stream s, uint v) { Span<byte> b = stackalloc byte[4]; BinaryPrimitives.WriteUInt32LittleEndian(b, v); s.Write(b); }

    private static void Write64(Stream s, ulong v) { Span<byte> b = stackalloc byte[8]; BinaryPrimitives.WriteUInt64LittleEndian(b, v); s.Write(b); }
}
