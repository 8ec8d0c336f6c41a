using ArtGallery.Web.Components.Pages.Gallery;
using ArtGallery.Web.Rendering;
using Bunit;

namespace ArtGallery.Web.Tests.Components;

public sealed class ArtworkCardTests : ComponentTestBase
{
    [Fact]
    public void Render_EditedArtwork_LinksPageAndDisplaySizedImageWithExactState()
    {
        ArtworkEdits.TryParse("warmth:-1,pc2:0.5", out var edits, out _);
        var request = new ArtworkRequest("abc123", 42, 0.7f, edits);
        var card = Render<ArtworkCard>(p => p.Add(c => c.Request, request));
        var link = card.Find("a[data-testid=artwork-card]");
        Assert.Equal("/art/abc123/42?trunc=0.7&edits=pc2%3A0.5%2Cwarmth%3A-1", link.GetAttribute("href"));
        // The card asks for its display size (256 px), not the model's 64 px stretched by the browser.
        Assert.Equal("/api/artworks/abc123/42.png?size=256&trunc=0.7&edits=pc2%3A0.5%2Cwarmth%3A-1", card.Find("img").GetAttribute("src"));
    }

    [Fact]
    public void Render_BeforeThePictureLoads_ShowsASkeletonUnderIt()
    {
        var card = Render<ArtworkCard>(p => p.Add(c => c.Request, new ArtworkRequest("m", 7, 1f, ArtworkEdits.None)));
        var picture = card.Find(".ag-card-picture");
        // The skeleton comes first in the picture box, so the image, once decoded, is drawn over it.
        Assert.Contains("mud-skeleton", picture.FirstElementChild!.ClassName);
        Assert.Equal("IMG", picture.LastElementChild!.TagName);
    }

    [Fact]
    public void Render_Variation_UsesTestIdAndASpecificAltText()
    {
        var card = Render<ArtworkCard>(p => p
            .Add(c => c.Request, new ArtworkRequest("m", 1, 0.5f, ArtworkEdits.None))
            .Add(c => c.TestId, "variation-card")
            .Add(c => c.Caption, "calmer (truncation 0.5)"));
        Assert.Single(card.FindAll("[data-testid=variation-card]"));
        Assert.Contains("calmer", card.Markup);
        Assert.Equal("Artwork 1, calmer (truncation 0.5)", card.Find("img").GetAttribute("alt"));
        Assert.Equal("/api/artworks/m/1.png?size=256&trunc=0.5", card.Find("img").GetAttribute("src"));
    }
}
