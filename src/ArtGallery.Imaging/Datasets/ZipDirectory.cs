using System.Buffers.Binary;

namespace ArtGallery.Imaging;

/// <summary>
/// Checks a zip's end record and central directory on the raw bytes before <see cref="System.IO.Compression.ZipArchive"/>
/// materialises a single entry: entry count and declared sizes against the caps, the directory where the end record
/// says it is (prepended bytes and PNG/zip polyglots are refused), zip64 sizes that overflow. Constant memory: the
/// walk stops at the first entry over the limit. Every problem is a <see cref="DatasetException"/> that names it.
/// </summary>
internal static class ZipDirectory
{
    private const uint EndSignature = 0x06054b50, Zip64EndSignature = 0x06064b50, Zip64LocatorSignature = 0x07064b50, EntrySignature = 0x02014b50;
    private const int EndLength = 22, EntryLength = 46, MaxCommentLength = 0xFFFF;

    public static void Check(Stream zip, DatasetLimits limits)
    {
        if (zip.Length > limits.MaxZipTotalBytes)
            throw new DatasetException($"zip refused: the file is {SafeZip.Mb(zip.Length)}, over the {SafeZip.Mb(limits.MaxZipTotalBytes)} limit");
        var (entries, size, offset, directoryEnd) = EndRecord(zip);
        if (entries > (ulong)limits.MaxZipEntries)
            throw new DatasetException($"zip refused: {entries} entries exceed the {limits.MaxZipEntries}-entry limit");
        if (offset + size != directoryEnd)
            throw new DatasetException(directoryEnd > offset + size
                ? $"damaged zip: its central directory is {directoryEnd - offset - size} bytes away from where its end record says (bytes prepended to the zip, or a file that is also an image?)"
                : "damaged zip: its central directory overlaps its end record");
        Walk(zip, (long)offset, (long)size, entries, limits);
        zip.Position = 0;
    }

    /// <summary>Entry count, directory size and offset (zip64 when marked), and where the directory must end.</summary>
    private static (ulong Entries, ulong Size, ulong Offset, ulong DirectoryEnd) EndRecord(Stream zip)
    {
        int tail = (int)Math.Min(zip.Length, EndLength + MaxCommentLength + 20);
        var buffer = ReadAt(zip, zip.Length - tail, tail);
        int at = -1;
        for (int i = tail - EndLength; i >= 0; i--)
            if (BinaryPrimitives.ReadUInt32LittleEndian(buffer.AsSpan(i)) == EndSignature && i + EndLength + BinaryPrimitives.ReadUInt16LittleEndian(buffer.AsSpan(i + 20)) == tail) { at = i; break; }
        if (at < 0) throw new DatasetException("not a valid zip file (no end-of-central-directory record at its end)");
        var end = buffer.AsSpan(at);
        if (BinaryPrimitives.ReadUInt16LittleEndian(end[4..]) != 0 || BinaryPrimitives.ReadUInt16LittleEndian(end[6..]) != 0)
            throw new DatasetException("zip refused: split (multi-part) zips are not accepted");
        ulong entries = BinaryPrimitives.ReadUInt16LittleEndian(end[10..]), size = BinaryPrimitives.ReadUInt32LittleEndian(end[12..]), offset = BinaryPrimitives.ReadUInt32LittleEndian(end[16..]);
        long endPosition = zip.Length - tail + at;
        bool zip64 = entries == 0xFFFF || size == 0xFFFFFFFF || offset == 0xFFFFFFFF;
        if (!zip64 || at < 20 || BinaryPrimitives.ReadUInt32LittleEndian(buffer.AsSpan(at - 20)) != Zip64LocatorSignature)
        {
            if (zip64 && entries != 0xFFFF) throw new DatasetException("damaged zip: its end record points to a zip64 record that is not there");
            return (entries, size, offset, (ulong)endPosition);
        }
        ulong recordAt = BinaryPrimitives.ReadUInt64LittleEndian(buffer.AsSpan(at - 12));
        if (recordAt > (ulong)(endPosition - 20 - 56)) throw new DatasetException("damaged zip: its zip64 end record lies outside the file");
        var record = ReadAt(zip, (long)recordAt, 56);
        if (BinaryPrimitives.ReadUInt32LittleEndian(record) != Zip64EndSignature) throw new DatasetException("damaged zip: no zip64 end record where its locator says");
        return (BinaryPrimitives.ReadUInt64LittleEndian(record.AsSpan(32)), BinaryPrimitives.ReadUInt64LittleEndian(record.AsSpan(40)),
            BinaryPrimitives.ReadUInt64LittleEndian(record.AsSpan(48)), recordAt);
    }

    /// <summary>Reads every directory entry's sizes (zip64 extra fields included); refuses past the caps or on overflow.</summary>
    private static void Walk(Stream zip, long offset, long size, ulong declared, DatasetLimits limits)
    {
        zip.Position = offset;
        var head = new byte[EntryLength];
        var extra = new byte[0xFFFF];
        long read = 0, total = 0;
        int count = 0;
        while (read < size)
        {
            if (size - read < EntryLength || zip.ReadAtLeast(head, EntryLength, throwOnEndOfStream: false) < EntryLength
                || BinaryPrimitives.ReadUInt32LittleEndian(head) != EntrySignature)
                throw new DatasetException($"damaged zip: entry {count + 1} of its central directory is broken");
            if (++count > limits.MaxZipEntries)
                throw new DatasetException($"zip refused: its directory holds more than {limits.MaxZipEntries} entries (the end record said {declared})");
            ulong length = BinaryPrimitives.ReadUInt32LittleEndian(head.AsSpan(24));
            int nameLength = BinaryPrimitives.ReadUInt16LittleEndian(head.AsSpan(28)), extraLength = BinaryPrimitives.ReadUInt16LittleEndian(head.AsSpan(30));
            int commentLength = BinaryPrimitives.ReadUInt16LittleEndian(head.AsSpan(32));
            zip.Position += nameLength;
            if (zip.ReadAtLeast(extra.AsSpan(0, extraLength), extraLength, throwOnEndOfStream: false) < extraLength)
                throw new DatasetException($"damaged zip: entry {count} of its central directory is cut off");
            if (length == 0xFFFFFFFF) length = Zip64Length(extra.AsSpan(0, extraLength), count);
            zip.Position += commentLength;
            read += EntryLength + nameLength + extraLength + commentLength;
            if (length > long.MaxValue || (total += (long)length) < 0)
                throw new DatasetException($"damaged zip: entry {count} declares an impossible size (zip64 sizes overflow)");
            if (total > limits.MaxZipTotalBytes)
                throw new DatasetException($"zip refused: it declares more than {SafeZip.Mb(limits.MaxZipTotalBytes)} expanded, over the {SafeZip.Mb(limits.MaxZipTotalBytes)} limit");
        }
        if ((ulong)count != declared && declared != 0xFFFF)
            throw new DatasetException($"damaged zip: its end record says {declared} entries, its central directory holds {count}");
    }

    private static ulong Zip64Length(ReadOnlySpan<byte> extra, int entry)
    {
        while (extra.Length >= 4)
        {
            int id = BinaryPrimitives.ReadUInt16LittleEndian(extra), length = BinaryPrimitives.ReadUInt16LittleEndian(extra[2..]);
            if (length > extra.Length - 4) break;
            if (id == 0x0001 && length >= 8) return BinaryPrimitives.ReadUInt64LittleEndian(extra[4..]);
            extra = extra[(4 + length)..];
        }
        throw new DatasetException($"damaged zip: entry {entry} has no zip64 size where its header says");
    }

    private static byte[] ReadAt(Stream zip, long position, int length)
    {
        var buffer = new byte[length];
        zip.Position = position;
        if (zip.ReadAtLeast(buffer, length, throwOnEndOfStream: false) < length) throw new DatasetException("damaged zip: it ends inside its directory records");
        return buffer;
    }
}
