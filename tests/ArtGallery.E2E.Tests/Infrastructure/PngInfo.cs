using ArtGallery.Imaging;

namespace ArtGallery.E2E.Tests.Infrastructure;

/// <summary>What the tests check in a PNG: pixel size (IHDR), DPI (pHYs), sRGB and text chunks.</summary>
public sealed record PngInfo(int Width, int Height, double? DpiX, double? DpiY, bool HasSrgb, IReadOnlyDictionary<string, string> Text)
{
    /// <summary>Parses the chunk headers of a PNG file (pixel data is not decoded) with the app's one chunk walker.</summary>
    public static PngInfo Parse(ReadOnlySpan<byte> png)
    {
        var info = PngInspector.Read(png.ToArray());
        return new PngInfo(info.Width, info.Height, info.Dpi, info.Dpi, info.HasSrgb, info.Text);
    }
}
