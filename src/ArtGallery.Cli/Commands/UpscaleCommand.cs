using ArtGallery.Detail;
using ArtGallery.Imaging;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace ArtGallery.Cli.Commands;

/// <summary>artgallery upscale: a PNG taken up by the detail model (x4 passes, then an exact resize for other factors).</summary>
public sealed class UpscaleCommand : ICliCommand
{
    public string Verb => "upscale";
    public string Usage => "upscale --detail FILE.agdetail|default --in IN.png --out OUT.png --scale S [--threads T]";

    public int Run(CliArgs args, CliContext context)
    {
        string detail = args.Required("detail");
        string input = args.Required("in");
        string output = args.Required("out");
        double scale = args.Double("scale", 4, 0, 256);
        int threads = args.Int("threads", 2, 1, 256);
        args.EnsureAllUsed();
        if (scale <= 0) throw new CliException("--scale must be greater than 0 (4 = one x4 pass, 16 = two, any other factor is resized exactly)");
        string path = DetailOption.Path(detail);
        if (!File.Exists(input)) throw new CliException($"--in '{input}' does not exist");
        TorchSharp.torch.set_num_threads(threads);
        using var source = ReadSafely(input);
        int width = (int)Math.Round(source.Width * scale), height = (int)Math.Round(source.Height * scale);
        if (width < 1 || height < 1) throw new CliException($"--scale {scale} makes a {source.Width}x{source.Height} image smaller than one pixel");
        if ((long)width * height > PrintSpec.DefaultMaxPixels) throw new CliException($"{width}x{height} exceeds the {PrintSpec.DefaultMaxPixels / 1_000_000} megapixel budget");
        using var model = DetailModel.Load(path);
        using var result = DetailCascade.Render(model, source, width, height);
        File.WriteAllBytes(output, PngExport.Encode(result, null, DetailCascade.Text(model)));
        context.Out.WriteLine($"upscaled {input} {source.Width}x{source.Height} -> {output} {width}x{height} with detail model {model.Id}");
        return 0;
    }

    /// <summary>The one safe decoder every entry point uses: size, scans and metadata bounded before any pixel is decoded.</summary>
    private static Image<Rgb24> ReadSafely(string input)
    {
        var limits = DatasetLimits.Default;
        long length = new FileInfo(input).Length;
        if (length > limits.MaxFileBytes) throw new CliException($"--in '{input}' is {SafeSize(length)}, over the {SafeSize(limits.MaxFileBytes)} limit");
        return SafeImageDecoder.TryDecode(File.ReadAllBytes(input), limits, out string reason)
            ?? throw new CliException($"--in '{input}' refused: {reason}");
    }

    private static string SafeSize(long bytes) => $"{bytes / (double)(1 << 20):0.#} MB";
}
