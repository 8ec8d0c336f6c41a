using ArtGallery.Detail;
using ArtGallery.Imaging;

namespace ArtGallery.Cli.Tests;

[Collection("Cli sequential")]
public sealed class UpscaleCommandTests
{
    [Fact]
    public void Upscale_AnyFactor_ExactSizeAndTextNamesTheDetailModel()
    {
        var dir = CliRunner.TempDir();
        var detail = TinyDetailFile.Save(dir, "d.agdetail", 8, steps: 3);
        var input = Path.Combine(dir, "in.png");
        using (var image = AbstractPainter.Paint(4, 10).Image) File.WriteAllBytes(input, PngExport.Encode(image));
        var output = Path.Combine(dir, "out.png");

        var r = CliRunner.Run("upscale", "--detail", detail, "--in", input, "--out", output, "--scale", "6.5", "--threads", "1");

        Assert.Equal(0, r.ExitCode);
        var info = PngInspector.Read(File.ReadAllBytes(output));
        Assert.Equal((65, 65), (info.Width, info.Height));
        Assert.Equal("detail", info.Text["Upscaler"]);
        Assert.StartsWith(DetailModel.Load(detail).Id, info.Text["DetailModel"]);
    }

    [Fact]
    public void Upscale_OnePixelImage_ClearErrorExitCode1()
    {
        var dir = CliRunner.TempDir();
        var detail = TinyDetailFile.Save(dir, "d.agdetail", 8, steps: 1);
        var input = Path.Combine(dir, "dot.png");
        using (var image = AbstractPainter.Paint(4, 1).Image) File.WriteAllBytes(input, PngExport.Encode(image));
        var r = CliRunner.Run("upscale", "--detail", detail, "--in", input, "--out", Path.Combine(dir, "o.png"), "--scale", "4");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("at least 2x2", r.Err);
    }
}
