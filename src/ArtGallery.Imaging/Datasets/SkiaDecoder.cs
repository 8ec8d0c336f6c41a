using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Advanced;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;
using SkiaSharp;

namespace ArtGallery.Imaging;

/// <summary>
/// Turns gated PNG/JPEG bytes into pixels with Skia's libpng and libjpeg-turbo (fuzzed by OSS-Fuzz: a damaged
/// interlaced PNG or a truncated stream is an error in milliseconds, where ImageSharp 2.1's own PNG decoder spins
/// forever). The size is read before a pixel is decoded; images over the pixel budget are decoded smaller
/// (libjpeg's DCT scaling) and resized to fit; transparency is composited over the ground colour, as a person sees it.
/// </summary>
internal static class SkiaDecoder
{
    public static Image<Rgb24>? Decode(byte[] data, string format, DatasetLimits limits, out string reason, out string? note)
    {
        note = null;
        using var codec = SKCodec.Create(new SKMemoryStream(data), out var opened);
        if (codec is null) { reason = $"corrupt {format} ({Describe(opened)})"; return null; }
        int width = codec.Info.Width, height = codec.Info.Height;
        if (SafeImageDecoder.SourceRefusal(width, height, limits) is { } refusal) { reason = refusal; return null; }
        var (fitWidth, fitHeight) = SafeImageDecoder.Fit(width, height, limits);
        var size = new SKSizeI(width, height);
        if (fitWidth != width)
        {
            var scaled = codec.GetScaledDimensions((float)Math.Max(fitWidth / (double)width, fitHeight / (double)height));
            if (scaled.Width >= fitWidth && scaled.Height >= fitHeight) size = scaled; // never decode smaller than the fit
        }
        var info = new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        Image<Rgb24> image;
        using (var bitmap = new SKBitmap())
        {
            if (!bitmap.TryAllocPixels(info)) { reason = $"needs more memory than is free to decode {width}x{height}"; return null; }
            var result = codec.GetPixels(info, bitmap.GetPixels());
            if (result != SKCodecResult.Success) { reason = Refusal(result, format); return null; }
            image = Composite(bitmap, SafeImageDecoder.CreateConfiguration(limits), limits.Ground);
        }
        if (image.Width != fitWidth || image.Height != fitHeight)
            image.Mutate(x => x.Resize(fitWidth, fitHeight, KnownResamplers.Lanczos3));
        Orient(image, codec.EncodedOrigin);
        if (fitWidth != width) note = $"downscaled from {width}x{height} to {fitWidth}x{fitHeight} (the {limits.MaxPixels / 1e6:0.#} MP, {limits.MaxSide} px budget)";
        reason = "";
        return image;
    }

    /// <summary>Unpremultiplied RGBA over <paramref name="ground"/>, in 8-bit sRGB as browsers composite.</summary>
    private static Image<Rgb24> Composite(SKBitmap bitmap, Configuration config, Rgb24 ground)
    {
        var image = new Image<Rgb24>(config, bitmap.Width, bitmap.Height);
        int rowBytes = bitmap.RowBytes;
        var pixels = bitmap.GetPixelSpan();
        for (int y = 0; y < image.Height; y++)
        {
            var source = pixels.Slice(y * rowBytes, image.Width * 4);
            var target = image.DangerousGetPixelRowMemory(y).Span;
            for (int x = 0; x < target.Length; x++)
            {
                int a = source[4 * x + 3], rest = 255 - a;
                target[x] = a == 255
                    ? new Rgb24(source[4 * x], source[4 * x + 1], source[4 * x + 2])
                    : new Rgb24(Over(source[4 * x], ground.R, a, rest), Over(source[4 * x + 1], ground.G, a, rest), Over(source[4 * x + 2], ground.B, a, rest));
            }
        }
        return image;
    }

    private static byte Over(int colour, int ground, int alpha, int rest) => (byte)((colour * alpha + ground * rest + 127) / 255);

    /// <summary>Applies the EXIF orientation Skia read, with ImageSharp's own rotate/flip rules.</summary>
    private static void Orient(Image<Rgb24> image, SKEncodedOrigin origin)
    {
        if (origin == SKEncodedOrigin.TopLeft) return;
        image.Metadata.ExifProfile = new ExifProfile();
        image.Metadata.ExifProfile.SetValue(ExifTag.Orientation, (ushort)origin);
        image.Mutate(x => x.AutoOrient());
        image.Metadata.ExifProfile = null;
    }

    private static string Refusal(SKCodecResult result, string format) => result switch
    {
        SKCodecResult.IncompleteInput => $"truncated {format} (its image data ends early)",
        SKCodecResult.ErrorInInput or SKCodecResult.InvalidInput => $"corrupt {format} (damaged image data)",
        _ => $"{format} could not be decoded ({Describe(result)})",
    };

    private static string Describe(SKCodecResult result) => result switch
    {
        SKCodecResult.IncompleteInput => "it ends inside its headers",
        SKCodecResult.InvalidInput or SKCodecResult.ErrorInInput or SKCodecResult.CouldNotRewind => "header not readable",
        SKCodecResult.Unimplemented or SKCodecResult.InvalidConversion => "a variant this decoder does not support",
        _ => result.ToString(),
    };
}
