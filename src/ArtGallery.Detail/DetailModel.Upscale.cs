using ArtGallery.Detail.Training;
using ArtGallery.Imaging;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using TorchSharp;
using static TorchSharp.torch;

namespace ArtGallery.Detail;

public sealed partial class DetailModel
{
    /// <summary>One x4 pass over planar RGB in [-1, 1] (<paramref name="width"/> x <paramref name="height"/>); returns 4w x 4h planar RGB, clamped.
    /// <paramref name="pass"/> picks the net (1: from the generator's side; 2, 3: on a previous pass's output); <paramref name="input"/> is how
    /// degraded the picture the cascade started from is (null: the calibrated profile, a generator sample; <see cref="DegradationProfile.Clean"/>:
    /// a clean picture). Format-1 models ignore both.</summary>
    public float[] Upscale(ReadOnlySpan<float> chw, int width, int height, int pass = 1, DegradationProfile? input = null)
    {
        CheckInput(chw.Length, width, height);
        int ow = width * Network.DetailNet.Scale, oh = height * Network.DetailNet.Scale;
        var result = new float[3L * ow * oh > int.MaxValue ? throw new ArgumentException("Output too large for one array; upscale an Image instead.") : 3 * ow * oh];
        RunTiles(chw.ToArray(), width, height, new Rectangle(0, 0, width, height), pass, input, (x, y, w, h, tile) =>
        {
            for (int c = 0; c < 3; c++)
                for (int row = 0; row < h; row++)
                    Array.Copy(tile, (c * h + row) * w, result, c * ow * oh + (y + row) * ow + x, w);
        });
        return result;
    }

    /// <summary>One x4 pass over an image (<paramref name="pass"/> and <paramref name="input"/> as for planar RGB); the output is
    /// written tile by tile straight into 8-bit pixels.</summary>
    public Image<Rgb24> Upscale(Image<Rgb24> image, int pass = 1, DegradationProfile? input = null)
    {
        ArgumentNullException.ThrowIfNull(image);
        return Upscale(image, new Rectangle(0, 0, image.Width, image.Height), pass, input);
    }

    /// <summary>
    /// One x4 pass of only the part <paramref name="keep"/> (input pixels) of <paramref name="image"/>: the pixels
    /// <see cref="Upscale(Image{Rgb24})"/> would give at keep x 4, reading the image around it as context, so a cascade
    /// computes only what its crop (or the next pass) reads.
    /// </summary>
    public Image<Rgb24> Upscale(Image<Rgb24> image, Rectangle keep, int pass = 1, DegradationProfile? input = null)
    {
        ArgumentNullException.ThrowIfNull(image);
        var pixels = new float[3 * image.Width * image.Height];
        CheckInput(pixels.Length, image.Width, image.Height);
        if (keep.Width < 1 || keep.Height < 1 || !new Rectangle(0, 0, image.Width, image.Height).Contains(keep))
            throw new ArgumentOutOfRangeException(nameof(keep), keep, $"The part to upscale must lie inside the {image.Width}x{image.Height} image.");
        PlanarRgb.FromImage(image, pixels);
        var output = new Image<Rgb24>(keep.Width * Network.DetailNet.Scale, keep.Height * Network.DetailNet.Scale);
        RunTiles(pixels, image.Width, image.Height, keep, pass, input, (x, y, w, h, tile) =>
        {
            int plane = w * h;
            output.ProcessPixelRows(rows =>
            {
                for (int row = 0; row < h; row++)
                {
                    var pixels = rows.GetRowSpan(y + row);
                    for (int col = 0; col < w; col++)
                    {
                        int i = row * w + col;
                        pixels[x + col] = new Rgb24(ToByte(tile[i]), ToByte(tile[plane + i]), ToByte(tile[2 * plane + i]));
                    }
                }
            });
        });
        return output;
    }

    private static void CheckInput(int length, int width, int height)
    {
        if (width < 2 || height < 2) throw new ArgumentException($"The detail model needs an image of at least 2x2 pixels (got {width}x{height}).");
        if (length < 3L * width * height) throw new ArgumentException("Source too small for the size given.");
    }

    /// <summary>
    /// Cuts <paramref name="keep"/> into tiles, runs each with <see cref="Margin"/> context (clipped at the image's
    /// border), hands back each tile's core output (x, y, w, h in output pixels, relative to keep x 4; the array is reused for the next tile and
    /// may be longer than 3 w h).
    /// </summary>
    private void RunTiles(float[] input, int width, int height, Rectangle keep, int pass, DegradationProfile? profile, Action<int, int, int, int, float[]> sink)
    {
        const int s = Network.DetailNet.Scale;
        var net = NetFor(pass);
        var condition = Network.DetailNet.ConditionOf((profile ?? Info.Profile).Validated());
        lock (gate)
        {
            using var inference = inference_mode();
            using var full = tensor(input, [1, 3, height, width]);
            using var conditions = tensor(condition, [1, condition.Length]);
            // As few tiles as TileSize allows, of equal size: the margins are recomputed once per tile, so the count sets the cost.
            int stepX = Step(keep.Width), stepY = Step(keep.Height);
            // One buffer for every tile's output: a fresh 16 MB array per tile left ~200 MB of large-object garbage per print.
            var buffer = new float[3 * stepX * s * stepY * s];
            for (int ty = keep.Top; ty < keep.Bottom; ty += stepY)
                for (int tx = keep.Left; tx < keep.Right; tx += stepX)
                {
                    using var scope = NewDisposeScope();
                    int cw = Math.Min(stepX, keep.Right - tx), ch = Math.Min(stepY, keep.Bottom - ty);
                    int x0 = Math.Max(0, tx - Margin), y0 = Math.Max(0, ty - Margin);
                    int x1 = Math.Min(width, tx + cw + Margin), y1 = Math.Min(height, ty + ch + Margin);
                    // Channels-last strides (NHWC in memory): oneDNN's convolutions run ~20% faster than on NCHW, same output.
                    var rgb = full.narrow(2, y0, y1 - y0).narrow(3, x0, x1 - x0);
                    var tile = net.WithConditions(rgb, conditions).permute(0, 2, 3, 1).contiguous().permute(0, 3, 1, 2).to(device);
                    var core = net.forward(tile).narrow(2, (ty - y0) * s, ch * s).narrow(3, (tx - x0) * s, cw * s);
                    using (var values = core.clamp(MinusOne, One).cpu().contiguous().data<float>()) values.CopyTo(buffer);
                    sink((tx - keep.Left) * s, (ty - keep.Top) * s, cw * s, ch * s, buffer);
                }
        }
    }

    private int Step(int length)
    {
        int tiles = (length + TileSize - 1) / TileSize;
        return (length + tiles - 1) / tiles;
    }

    private static readonly Scalar One = 1.0.ToScalar(), MinusOne = (-1.0).ToScalar();

    private static byte ToByte(float v) => (byte)Math.Clamp((int)MathF.Round((v + 1f) * 127.5f), 0, 255);
}
