namespace ArtGallery.Imaging;

/// <summary>Recognises file types from their first bytes, so refusals name what the file really is.</summary>
internal static class ImageSniffer
{
    private static readonly byte[] Gzip = [0x1F, 0x8B];
    private static readonly byte[] SevenZip = [0x37, 0x7A, 0xBC, 0xAF];

    public enum Kind { Empty, Png, Jpeg, Gif, WebP, Tiff, Bmp, Archive, Unknown }

    public static Kind Detect(ReadOnlySpan<byte> d)
    {
        if (d.Length == 0) return Kind.Empty;
        if (PngChunks.HasSignature(d)) return Kind.Png;
        if (d.Length >= 3 && d[0] == 0xFF && d[1] == 0xD8 && d[2] == 0xFF) return Kind.Jpeg;
        if (d.StartsWith("GIF8"u8)) return Kind.Gif;
        if (d.Length >= 12 && d.StartsWith("RIFF"u8) && d.Slice(8, 4).SequenceEqual("WEBP"u8)) return Kind.WebP;
        if (d.StartsWith("II*\0"u8) || d.StartsWith("MM\0*"u8)) return Kind.Tiff;
        if (d.StartsWith("BM"u8)) return Kind.Bmp;
        if (d.StartsWith("PK\u0003\u0004"u8) || d.StartsWith("PK\u0005\u0006"u8) || d.StartsWith(Gzip) || d.StartsWith(SevenZip) || d.StartsWith("Rar!"u8))
            return Kind.Archive;
        return Kind.Unknown;
    }

    /// <summary>The refusal for anything that is not PNG or JPEG; null for PNG and JPEG.</summary>
    public static string? RefusalFor(Kind kind) => kind switch
    {
        Kind.Png or Kind.Jpeg => null,
        Kind.Empty => "empty file (0 bytes)",
        Kind.Gif => "GIF is not accepted: PNG or JPEG only",
        Kind.WebP => "WebP is not accepted: PNG or JPEG only",
        Kind.Tiff => "TIFF is not accepted: PNG or JPEG only",
        Kind.Bmp => "BMP is not accepted: PNG or JPEG only",
        Kind.Archive => "an archive (zip, gzip, 7z or rar), not an image: PNG or JPEG only",
        _ => "not an image: PNG or JPEG only",
    };
}
