using ArtGallery.Imaging;
using ArtGallery.Web.Components.Pages.Artwork;
using ArtGallery.Web.Rendering;
using MudBlazor;

namespace ArtGallery.Web.Tests.Components;

public sealed class PrintChoicesTests
{
    private static PrintChoices Choices() => new(new ArtworkRequest("m", 3, 1f, ArtworkEdits.None));

    [Theory]
    [InlineData("size")]
    [InlineData("orientation")]
    [InlineData("crop")]
    [InlineData("dpi")]
    public void Change_ShapeCropOrDpi_KeepsCandidatesAndPick(string what)
    {
        var c = Choices();
        c.CandidatesShown = true;
        c.Picked = 1;
        if (what == "size") c.Size = "8x10";
        else if (what == "orientation") c.Orientation = "landscape";
        else if (what == "crop") c.Crop = 0.2;
        else c.Dpi = 150;
        Assert.True(c.CandidatesShown);
        Assert.Equal(1, c.Picked);
        Assert.EndsWith("&candidate=1", c.DownloadUrl);
        Assert.Equal("/api/artworks/m/3.png?size=512&candidate=1", c.PictureUrl(c.Picked));
    }

    [Fact]
    public void DownloadUrl_InterpolationFrame_CarriesTheMix()
    {
        var c = new PrintChoices(new ArtworkRequest("m", 3, 1f, ArtworkEdits.None) { Mix = new ArtworkMix(9, 0.43) });
        Assert.Equal("/api/artworks/m/3/print?size=12x15&dpi=300&orientation=portrait&crop=0.5&trunc=1&edits=&mix=9%3A0.43&candidate=0", c.DownloadUrl);
    }

    [Theory]
    [InlineData("12x15", "portrait", 0.2, "object-position:20% 50%", "aspect-ratio:12/15")]
    [InlineData("12x15", "landscape", 0.2, "object-position:50% 20%", "aspect-ratio:15/12")]
    public void CropStyle_ShowsTheSquareCutAsThePrintCutsIt(string size, string orientation, double crop, string position, string aspect)
    {
        var c = Choices();
        (c.Size, c.Orientation, c.Crop) = (size, orientation, crop);
        var style = c.CropStyle(c.Spec(out _)!);
        Assert.Contains(position, style);
        Assert.Contains(aspect, style);
    }

    [Theory]
    [InlineData(8, false, "12x15", Severity.Warning)]   // the case: 0.5 picture pixels per inch
    [InlineData(64, false, "12x15", Severity.Warning)]  // no detail model: 4.3
    [InlineData(64, true, "24x36", Severity.Warning)]   // 256 px over 36 in: 7.1
    [InlineData(64, true, "16x20", Severity.Info)]      // 12.8: soft up close
    public void Sharpness_FewPicturePixelsPerInch_SaysSoInWords(int resolution, bool detail, string size, Severity expected)
    {
        var note = PrintChoices.Sharpness(PrintSpec.Create(size, PrintOrientation.Portrait, 300), resolution, detail);
        Assert.NotNull(note);
        Assert.Equal(expected, note.Value.Severity);
        Assert.Contains("picture pixels per inch", note.Value.Text);
    }

    [Fact]
    public void Sharpness_BundledModelWithDetailAt12x15_HasNothingToSay() =>
        Assert.Null(PrintChoices.Sharpness(PrintSpec.Create("12x15", PrintOrientation.Portrait, 300), 64, true));

    [Fact]
    public void PixelText_InvalidDpi_SaysWhy()
    {
        var c = Choices();
        c.Dpi = 0;
        Assert.Null(c.Spec(out var error));
        Assert.Contains("DPI", error);
        Assert.Equal(error, c.PixelText);
    }

    [Fact]
    public void Crop_OutOfRange_Clamped()
    {
        var c = Choices();
        c.Crop = 7;
        Assert.Equal(1, c.Crop);
    }
}
