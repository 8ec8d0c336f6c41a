using ArtGallery.Imaging;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Processing;

namespace ArtGallery.Detail.Tests;

[Collection("Sequential")]
public sealed class CascadeTests(TinyDetail tiny) : IClassFixture<TinyDetail>
{
    [Theory]
    [InlineData(64, 64, 256, 256, 1)]
    [InlineData(64, 64, 1024, 1024, 2)]
    [InlineData(51, 64, 3600, 4500, 3)]
    [InlineData(64, 64, 300, 300, 1)]
    [InlineData(64, 64, 330, 330, 2)]
    [InlineData(64, 64, 64, 64, 0)]
    [InlineData(8, 8, 100_000, 100_000, 3)]
    public void PassesFor_PrintSize_FewestX4PassesWithinSlack(int cw, int ch, int w, int h, int expected) =>
        Assert.Equal(expected, DetailCascade.PassesFor(cw, ch, w, h));

    [Fact]
    public void Print_WithDetailModel_ExactSizeDpiAndTextNamingTheModel()
    {
        var spec = PrintSpec.Create("2x2.5", PrintOrientation.Portrait, 100);
        using var sample = PlanarRgb.ToImage(TestImages.Painting(1, 16), 16, 16);
        using var print = DetailCascade.Render(tiny.Model, sample, spec, 0.3);
        var info = PngInspector.Read(PngExport.Encode(print, spec.Dpi, DetailCascade.Text(tiny.Model)));
        Assert.Equal((200, 250), (info.Width, info.Height));
        Assert.Equal(100, info.Dpi!.Value, 0);
        Assert.Equal("detail", info.Text["Upscaler"]);
        Assert.StartsWith(tiny.Model.Id, info.Text["DetailModel"]);
    }

    [Fact]
    public void Print_Cascade_StaysThePictureItCameFrom()
    {
        var chw = TestImages.Painting(6, 16);
        using var sample = PlanarRgb.ToImage(chw, 16, 16);
        using var big = DetailCascade.Render(tiny.Model, sample, 256, 256);
        using var back = big.Clone(x => x.Resize(16, 16, KnownResamplers.Box));
        var roundTrip = new float[chw.Length];
        PlanarRgb.FromImage(back, roundTrip);
        Assert.True(Quality.ImageQuality.Psnr(roundTrip, chw) > 25);
    }

    [Fact]
    public void EnsureServes_OtherResolution_ClearError()
    {
        var error = Assert.Throws<InvalidDataException>(() => tiny.Model.EnsureServes(64));
        Assert.Contains("made for 16 px", error.Message);
        Assert.Contains("not 64 px", error.Message);
    }

    [Fact]
    public void Load_CorruptOrForeignFile_ClearError()
    {
        var path = Path.Combine(Path.GetTempPath(), $"ag-detail-{Guid.NewGuid():N}.agdetail");
        try
        {
            tiny.Model.Save(path);
            var bytes = File.ReadAllBytes(path);
            bytes[^10] ^= 0x55;
            File.WriteAllBytes(path, bytes);
            Assert.Contains("checksum", Assert.Throws<InvalidDataException>(() => DetailModel.Load(path)).Message);
            File.WriteAllText(path, "not a model at all");
            Assert.Contains("not a AGDT0001 file", Assert.Throws<InvalidDataException>(() => DetailModel.Load(path)).Message);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Upscale_OnePixelImage_ClearError()
    {
        using var dot = PlanarRgb.ToImage(new float[3], 1, 1);
        Assert.Contains("at least 2x2", Assert.Throws<ArgumentException>(() => tiny.Model.Upscale(dot)).Message);
    }

    [Fact]
    public void Render_ZeroSize_ClearError()
    {
        using var sample = PlanarRgb.ToImage(TestImages.Painting(1, 16), 16, 16);
        Assert.Throws<ArgumentOutOfRangeException>(() => DetailCascade.Render(tiny.Model, sample, 0, 10));
    }

    [Fact]
    public void RenderWindow_CentreCrop_MatchesThePrintThere()
    {
        using var sample = PlanarRgb.ToImage(TestImages.Painting(2, 16), 16, 16);
        using var print = DetailCascade.Render(tiny.Model, sample, 800, 1000, 0.5);
        using var window = DetailCascade.RenderWindow(tiny.Model, sample, 800, 1000, 0.5, 120);
        using var expected = print.Clone(x => x.Crop(new Rectangle(340, 440, 120, 120)));
        Assert.Equal((120, 120), (window.Width, window.Height));
        var (a, b) = (new float[3 * 120 * 120], new float[3 * 120 * 120]);
        PlanarRgb.FromImage(window, a);
        PlanarRgb.FromImage(expected, b);
        // The window is resampled on its own grid: the same picture to within a sub-pixel phase of the final Lanczos resize.
        Assert.True(Quality.ImageQuality.Psnr(a, b) > 28, $"window vs print {Quality.ImageQuality.Psnr(a, b):0.0} dB");
    }
}
