namespace ArtGallery.Imaging;

/// <summary>
/// Keeps only what pixels need from untrusted PNG/JPEG bytes, before any decoder runs: metadata (PNG ancillary
/// chunks such as zTXt, iTXt, tEXt, iCCP, eXIf; JPEG APPn and COM segments) is counted and capped, then dropped
/// without ever being inflated or parsed, so a text-chunk bomb costs no more than its bytes on disk.
/// </summary>
internal static class MetadataGate
{
    private static readonly HashSet<string> PixelChunks = ["IHDR", "PLTE", "IDAT", "IEND"];

    // Transparency is pixels, not metadata: without it palette clip art comes out on whatever its transparent index holds.
    private const string Transparency = "tRNS";

    /// <summary>The PNG rebuilt from IHDR, PLTE, tRNS (one, at most 256 bytes), IDAT and IEND only; null with <paramref name="refusal"/> set when refused.</summary>
    public static byte[]? Png(byte[] png, List<PngChunks.Chunk> chunks, DatasetLimits limits, out string? refusal)
    {
        refusal = Caps("PNG", chunks.Count(c => c.IsAncillary), chunks.Where(c => c.IsAncillary).Sum(c => (long)c.Length), limits, "chunks");
        if (refusal is not null) return null;
        if (chunks.FirstOrDefault(c => !c.IsAncillary && !PixelChunks.Contains(c.Type)) is { Type: not null } odd)
        {
            refusal = $"corrupt PNG (unknown critical chunk '{Printable(odd.Type)}')";
            return null;
        }
        var kept = chunks.Where(c => !c.IsAncillary).ToList();
        if (chunks.FirstOrDefault(c => c.Type == Transparency && c.Length <= 256) is { Type: not null } alpha)
            kept.Insert(kept.FindIndex(c => c.Type == "IDAT") is var at and >= 0 ? at : kept.Count, alpha);
        var output = new MemoryStream(kept.Sum(c => c.TotalLength) + 8);
        output.Write(PngChunks.Signature);
        foreach (var c in kept) output.Write(png, c.Offset, c.TotalLength);
        return output.ToArray();
    }

    /// <summary>
    /// The JPEG without COM and APPn segments, except the first EXIF APP1 (orientation) and APP0/APP14 (colour
    /// transform); null with <paramref name="refusal"/> set when the structure is bad or the metadata over the caps.
    /// </summary>
    public static byte[]? Jpeg(byte[] jpeg, DatasetLimits limits, out string? refusal)
    {
        var segments = JpegSegments.Walk(jpeg, out refusal, limits.MaxMetadataSegments);
        if (segments is null) return null;
        int scans = segments.Count(s => s.Marker == 0xDA);
        if (scans > limits.MaxJpegScans)
        {
            // Each progressive scan re-walks every block of the image: a flood of tiny refinement scans costs minutes.
            refusal = $"JPEG refused: {scans} scans, over the {limits.MaxJpegScans}-scan limit";
            return null;
        }
        var metadata = segments.Where(s => s.IsMetadata).ToList();
        refusal = Caps("JPEG", metadata.Count, metadata.Sum(s => (long)s.Length), limits, "APPn/COM segments");
        if (refusal is not null) return null;
        var output = new MemoryStream(jpeg.Length);
        output.Write([0xFF, 0xD8]);
        bool exifKept = false;
        foreach (var s in segments) // the walk stopped at EOI: anything after it is dropped too
        {
            if (s.IsMetadata && !Keep(jpeg.AsSpan(s.Offset, s.Length), ref exifKept)) continue;
            output.Write(jpeg, s.Offset, s.Length + s.ScanLength);
        }
        output.Write([0xFF, 0xD9]);
        return output.ToArray();
    }

    private static bool Keep(ReadOnlySpan<byte> segment, ref bool exifKept)
    {
        byte marker = segment[1];
        var body = segment[4..];
        if (marker is 0xE0 or 0xEE) return true; // JFIF / Adobe: tiny, and Adobe says how colours are transformed
        if (marker != 0xE1 || exifKept || !body.StartsWith("Exif\0\0"u8)) return false;
        exifKept = true; // one EXIF block (at most 64 KB by the length field) for the orientation tag
        return true;
    }

    private static string? Caps(string format, int count, long bytes, DatasetLimits limits, string what)
    {
        if (count > limits.MaxMetadataSegments)
            return $"{format} refused: more than {limits.MaxMetadataSegments} metadata {what} (limit {limits.MaxMetadataSegments})";
        if (bytes > limits.MaxMetadataBytes)
            return $"{format} refused: {SafeZip.Mb(bytes)} of metadata {what}, over the {SafeZip.Mb(limits.MaxMetadataBytes)} limit";
        return null;
    }

    private static string Printable(string type) => new([.. type.Select(ch => ch is >= ' ' and <= '~' ? ch : '?')]);
}
