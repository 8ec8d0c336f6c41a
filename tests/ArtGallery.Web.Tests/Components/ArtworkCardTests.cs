using ArtGallery.Web.Components.Pages.Gallery;
using ArtGallery.Web.Rendering;
using Bunit;

namespace ArtGallery.Web.Tests.Components;

public sealed class ArtworkCardTests : ComponentTestBase
{
    [Fact]
    public void Render_EditedArtwork_LinksPageAndImageWithExactState()
    {
        ArtworkEdits.TryParse("warmth:-1,pc2:0.5", out var edits, out _);
        var request = new ArtworkRequest("abc123", 42, 0.7f, edits);
        var card = Render<ArtworkCard>(p => p.Add(c => c.Request, request));
        var link = card.Find("a[data-testid=artwork-card]");
        Assert.Equal("/art/abc123/42?trunc=0.7&edits=pc2%3A0.5%2Cwarmth%3A-1", link.GetAttribute("href"));
        Assert.Equal("/api/artworks/abc123/42.png?trunc=0.7&edits=pc2%3A0.5%2Cwarmth%3A-1", card.Find("img").GetAttribute("src"));
    }

    [Fact]
    public void Render_VariationTestId_UsesIt()
    {
        var card = Render<ArtworkCard>(p => p
            .Add(c => c.Request, new ArtworkRequest("m", 1, 1f, ArtworkEdits.None))
            .Add(c => c.TestId, "variation-card")
            .Add(c => c.Caption, "calmer"));
        Assert.Single(card.FindAll("[data-testid=variation-card]"));
        Assert.Contains("calmer", card.Markup);
        Assert.Equal("/api/artworks/m/1.png", card.Find("img").GetAttribute("src"));
    }
}
