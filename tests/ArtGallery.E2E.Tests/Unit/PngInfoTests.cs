using ArtGallery.E2E.Tests.Infrastructure;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Metadata;
using SixLabors.ImageSharp.PixelFormats;

namespace ArtGallery.E2E.Tests.Unit;

/// <summary>The PNG checks the journeys rely on read what an encoder really wrote.</summary>
public sealed class PngInfoTests
{
    [Fact]
    public void Parse_ImageSharpPngWith300Dpi_ReadsSizeDpiAndText()
    {
        using var image = new Image<Rgb24>(36, 45);
        image.Metadata.HorizontalResolution = 300;
        image.Metadata.VerticalResolution = 300;
        image.Metadata.ResolutionUnits = PixelResolutionUnit.PixelsPerInch;
        image.Metadata.GetPngMetadata().TextData.Add(new PngTextData("seed", "42", "", ""));
        using var stream = new MemoryStream();
        image.SaveAsPng(stream);

        var info = PngInfo.Parse(stream.ToArray());

        Assert.Equal((36, 45), (info.Width, info.Height));
        Assert.Equal(300, info.DpiX!.Value, precision: 0);
        Assert.Equal(300, info.DpiY!.Value, precision: 0);
        Assert.Equal("42", info.Text["seed"]);
    }

    [Fact]
    public void Parse_NotAPng_Throws()
    {
        Assert.Throws<FormatException>(() => PngInfo.Parse(new byte[64]));
    }
}
