namespace ArtGallery.Imaging;

/// <summary>
/// Walks a JPEG's marker segments from SOI to EOI, stepping over entropy-coded scan data (FF 00 stuffing, RSTn),
/// so that every segment, including APPn/COM between progressive scans, is seen before a decoder runs.
/// </summary>
internal static class JpegSegments
{
    /// <summary>One marker segment: marker byte, offset of its FF, total bytes (marker + length + data); Scan: entropy data after SOS up to the next marker.</summary>
    public readonly record struct Segment(byte Marker, int Offset, int Length, int ScanLength)
    {
        /// <summary>APP0..APP15 and COM: metadata that no pixel depends on (APP14 Adobe and APP1 EXIF aside).</summary>
        public bool IsMetadata => Marker is >= 0xE0 and <= 0xEF or 0xFE;
    }

    /// <summary>Most segments walked (a progressive photo has a few dozen): a flood of tiny segments stops here.</summary>
    public const int MaxSegments = 65_536;

    /// <summary>
    /// The segments, or null with <paramref name="refusal"/> set when the structure is truncated or corrupt; the walk
    /// ends early (returning what it has) once more than <paramref name="maxMetadata"/> APPn/COM segments were seen.
    /// </summary>
    public static List<Segment>? Walk(ReadOnlySpan<byte> d, out string? refusal, int maxMetadata = int.MaxValue)
    {
        int metadata = 0;
        var segments = new List<Segment>();
        bool scanned = false;
        int pos = 2;
        while (true)
        {
            while (pos + 1 < d.Length && d[pos] == 0xFF && d[pos + 1] == 0xFF) pos++; // fill bytes
            if (pos + 2 > d.Length) { refusal = Truncated(scanned); return null; }
            if (d[pos] != 0xFF) { refusal = "corrupt JPEG (bad segment marker)"; return null; }
            byte marker = d[pos + 1];
            if (marker == 0xD9)
            {
                refusal = scanned ? null : "corrupt JPEG (ends before any image data)";
                return scanned ? segments : null;
            }
            if (marker == 0x01 || marker is >= 0xD0 and <= 0xD7) { pos += 2; continue; }
            if (pos + 4 > d.Length) { refusal = Truncated(scanned); return null; }
            int length = d[pos + 2] << 8 | d[pos + 3];
            if (length < 2) { refusal = "corrupt JPEG (bad segment length)"; return null; }
            if (pos + 2L + length > d.Length) { refusal = Truncated(scanned); return null; }
            int start = pos;
            pos += 2 + length;
            int scan = 0;
            if (marker == 0xDA)
            {
                scanned = true;
                int end = ScanEnd(d, pos);
                if (end < 0) { refusal = Truncated(true); return null; }
                scan = end - pos;
                pos = end;
            }
            var segment = new Segment(marker, start, 2 + length, scan);
            segments.Add(segment);
            if (segment.IsMetadata && ++metadata > maxMetadata) { refusal = null; return segments; }
            if (segments.Count > MaxSegments) { refusal = $"corrupt JPEG (more than {MaxSegments} segments)"; return null; }
        }
    }

    /// <summary>Offset of the first real marker after entropy-coded data starting at <paramref name="pos"/>, or -1.</summary>
    private static int ScanEnd(ReadOnlySpan<byte> d, int pos)
    {
        while (true)
        {
            int ff = d[pos..].IndexOf((byte)0xFF);
            if (ff < 0 || pos + ff + 1 >= d.Length) return -1;
            pos += ff;
            byte next = d[pos + 1];
            if (next == 0x00 || next is >= 0xD0 and <= 0xD7) { pos += 2; continue; } // stuffed byte or restart marker
            if (next == 0xFF) { pos++; continue; }
            return pos;
        }
    }

    private static string Truncated(bool scanned) =>
        scanned ? "truncated JPEG (ends before the end-of-image marker)" : "truncated JPEG (ends inside its headers)";
}
