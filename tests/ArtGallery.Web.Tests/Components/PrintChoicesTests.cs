using ArtGallery.Web.Components.Pages.Artwork;
using ArtGallery.Web.Rendering;

namespace ArtGallery.Web.Tests.Components;

public sealed class PrintChoicesTests
{
    private static PrintChoices Choices() => new(new ArtworkRequest("m", 3, 1f, ArtworkEdits.None));

    [Theory]
    [InlineData("size")]
    [InlineData("orientation")]
    [InlineData("crop")]
    public void Change_ShapeOrCrop_DropsCandidatesAndPick(string what)
    {
        var c = Choices();
        c.SetCandidates(["a", "b"]);
        c.Picked = 1;
        if (what == "size") c.Size = "8x10";
        else if (what == "orientation") c.Orientation = "landscape";
        else c.Crop = 0.2;
        Assert.Empty(c.Candidates);
        Assert.Null(c.Picked);
    }

    [Fact]
    public void Change_DpiOnly_KeepsCandidates()
    {
        var c = Choices();
        c.SetCandidates(["a", "b"]);
        c.Picked = 1;
        c.Dpi = 150;
        Assert.Equal(1, c.Picked);
        Assert.EndsWith("dpi=150&orientation=portrait&crop=0.5&trunc=1&edits=&candidate=1", c.DownloadUrl);
    }

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
