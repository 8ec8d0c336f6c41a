using ArtGallery.Data;
using ArtGallery.Gan.Sampling;
using ArtGallery.Web.Components.Pages.Collection;
using ArtGallery.Web.Infrastructure;
using ArtGallery.Web.Rendering;
using ArtGallery.Web.Tests.Infrastructure;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ArtGallery.Web.Tests.Components;

/// <summary>Issue 21's controls against real models (a conditioned one and today's unconditioned one) on a real render queue.</summary>
[Collection("Sequential")]
public sealed class ConditionControlsTests : ComponentTestBase, IClassFixture<TinyConditionedModel>
{
    private readonly TinyConditionedModel conditioned;
    private readonly TinyModel plain;
    private readonly RenderQueue queue;

    public ConditionControlsTests(TinyModel plain, TinyConditionedModel conditioned)
    {
        (this.plain, this.conditioned) = (plain, conditioned);
        var options = Options.Create(new ArtGalleryOptions { DataDirectory = AppFactory.NewDataDirectory(), DefaultModelPath = plain.ModelPath });
        var catalog = new ModelCatalog(new ArtGalleryDatabase(new DataPaths(options).Database));
        catalog.Register(new ModelRecord { Id = plain.ModelId, Path = plain.ModelPath, Resolution = 8, Source = "plain" }, makeActive: true);
        catalog.Register(new ModelRecord { Id = conditioned.ModelId, Path = conditioned.ModelPath, Resolution = 8, Source = "conditioned" }, makeActive: false);
        queue = new RenderQueue(options, catalog, NullLogger<RenderQueue>.Instance);
        Services.AddSingleton(new ModelCollections(queue));
        Interactive();
    }

    [Fact]
    public void PalettePicker_AddChangeUse_GivesTheCanonicalPalette()
    {
        string? picked = null;
        var picker = Render<PalettePicker>(p => p.Add(c => c.Initial, "ff0000-00ff00").Add(c => c.OnPick, (string v) => picked = v));
        Assert.Equal(2, picker.FindAll("[data-testid=palette-colour]").Count);
        Assert.True(picker.Find("[data-testid=palette-remove]").HasAttribute("disabled"));
        picker.Find("[data-testid=palette-add]").Click();
        picker.FindAll("[data-testid=palette-colour]")[2].Change("#1b3a5c");
        picker.Find("[data-testid=palette-use]").Click();
        Assert.Equal("FF0000-00FF00-1B3A5C", picked);
        for (int i = 0; i < 5; i++) picker.Find("[data-testid=palette-add]").Click();
        Assert.Equal(8, picker.FindAll("[data-testid=palette-colour]").Count);
        Assert.True(picker.Find("[data-testid=palette-add]").HasAttribute("disabled"));
    }

    [Fact]
    public void ConditionPanel_ConditionedModel_MoreLikeThisAroundTheSeedsPictureAndSixColourings()
    {
        int own;
        using (var g = ArtGenerator.Load(conditioned.ModelPath)) own = g.Collection!.IndexFor(12);
        var request = new ArtworkRequest(conditioned.ModelId, 12, 1f, ArtworkEdits.None);
        var panel = Render<ConditionPanel>(p => p.Add(c => c.Request, request));
        panel.WaitForAssertion(() => Assert.Equal(ConditionPanel.Shown, panel.FindAll("[data-testid=colour-card]").Count), TimeSpan.FromSeconds(60));
        var likes = panel.FindAll("a[data-testid=like-card]");
        Assert.Equal(ConditionPanel.Shown, likes.Count);
        Assert.All(likes, a => Assert.EndsWith($"?like={own}", a.GetAttribute("href")));
        Assert.Equal(ConditionPanel.Shown, likes.Select(a => a.GetAttribute("href")).Distinct().Count()); // other seeds
        var colourings = panel.FindAll("a[data-testid=colour-card]").Select(a => a.GetAttribute("href")!).ToList();
        Assert.All(colourings, href => Assert.Matches("^/art/[0-9a-f]+/12\\?palette=[0-9A-F]{6}(-[0-9A-F]{6})+$", href));
        Assert.Equal(ConditionPanel.Shown, colourings.Distinct().Count());
        Assert.Empty(panel.FindAll("[data-testid=no-conditions]"));
    }

    [Fact]
    public void ConditionPanel_UnconditionedModel_SaysWhyThereAreNoColourControls()
    {
        var panel = Render<ConditionPanel>(p => p.Add(c => c.Request, new ArtworkRequest(plain.ModelId, 12, 1f, ArtworkEdits.None)));
        panel.WaitForAssertion(() => Assert.Contains("trained without conditions", panel.Find("[data-testid=no-conditions]").TextContent), TimeSpan.FromSeconds(60));
        Assert.Empty(panel.FindAll("[data-testid=like-card]"));
        Assert.Empty(panel.FindAll("[data-testid=palette-picker]"));
    }

    [Fact]
    public void GalleryPalettes_ConditionedModel_SwatchesLinkToTheGalleryInThoseColours()
    {
        var row = Render<GalleryPalettes>(p => p.Add(c => c.ModelId, conditioned.ModelId).Add(c => c.Selected, "112233-445566"));
        row.WaitForAssertion(() => Assert.True(row.FindAll("[data-testid=palette-swatch]").Count > 2), TimeSpan.FromSeconds(60));
        var links = row.FindAll("a[data-testid=palette-swatch]").Select(a => a.GetAttribute("href")!).ToList();
        Assert.All(links, href => Assert.Matches("^/\\?palette=[0-9A-F]{6}(-[0-9A-F]{6})+$", href));
        // The chosen palette stays in the row, marked, with a way back to all colours.
        Assert.Equal("true", row.Find("a[href='/?palette=112233-445566']").GetAttribute("aria-current"));
        Assert.Single(row.FindAll("[data-testid=palette-clear]"));
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) queue.Dispose();
        base.Dispose(disposing);
    }
}
