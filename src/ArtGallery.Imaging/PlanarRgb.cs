using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace ArtGallery.Imaging;

/// <summary>Converts between ImageSharp images and planar RGB floats in [-1, 1] (the GAN's layout).</summary>
public static class PlanarRgb
{
    /// <summary>Image -> CHW floats in [-1, 1]. The image must already be the wanted size.</summary>
    public static void FromImage(Image<Rgb24> image, Span<float> destination)
    {
        int w = image.Width, h = image.Height, plane = w * h;
        if (destination.Length < 3 * plane) throw new ArgumentException("Destination too small.", nameof(destination));
        var pixels = new Rgb24[plane];
        image.CopyPixelDataTo(pixels);
        for (int i = 0; i < plane; i++)
        {
            destination[i] = pixels[i].R / 127.5f - 1f;
            destination[plane + i] = pixels[i].G / 127.5f - 1f;
            destination[2 * plane + i] = pixels[i].B / 127.5f - 1f;
        }
    }

    /// <summary>CHW floats in [-1, 1] (clamped) -> image of <paramref name="width"/> x <paramref name="height"/>.</summary>
    public static Image<Rgb24> ToImage(ReadOnlySpan<float> chw, int width, int height)
    {
        int plane = width * height;
        if (chw.Length < 3 * plane) throw new ArgumentException("Source too small for the size given.", nameof(chw));
        var pixels = new Rgb24[plane];
        for (int i = 0; i < plane; i++)
            pixels[i] = new Rgb24(ToByte(chw[i]), ToByte(chw[plane + i]), ToByte(chw[2 * plane + i]));
        return Image.LoadPixelData<Rgb24>(pixels, width, height);
    }

    private static byte ToByte(float v) => (byte)Math.Clamp((int)MathF.Round((v + 1f) * 127.5f), 0, 255);
}
