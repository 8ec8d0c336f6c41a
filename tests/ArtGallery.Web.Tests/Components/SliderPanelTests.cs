using ArtGallery.Web.Components.Pages.Explore;
using ArtGallery.Web.Rendering;
using Bunit;

namespace ArtGallery.Web.Tests.Components;

public sealed class SliderPanelTests : ComponentTestBase
{
    [Fact]
    public void Render_Always_HasEightPcsFourAttributesAndTruncation()
    {
        var panel = Render<SliderPanel>(p => p.Add(c => c.Edits, ArtworkEdits.None).Add(c => c.Truncation, 1f));
        var labels = panel.FindAll("input[type=range]").Select(i => i.GetAttribute("aria-label")).ToList();
        Assert.Equal(["PC 1", "PC 2", "PC 3", "PC 4", "PC 5", "PC 6", "PC 7", "PC 8", "Brightness", "Warmth", "Contrast", "Complexity", "Truncation"], labels);
    }

    [Fact]
    public void Input_MovesSlider_RaisesNameAndValue()
    {
        (string, double)? raised = null;
        var panel = Render<SliderPanel>(p => p
            .Add(c => c.Edits, ArtworkEdits.None)
            .Add(c => c.Truncation, 1f)
            .Add(c => c.OnChange, ((string Name, double Value) v) => raised = v));
        panel.Find("input[aria-label='Warmth']").Input("1.5");
        Assert.Equal(("warmth", 1.5), raised);
        panel.Find("input[aria-label='Truncation']").Input("0.6");
        Assert.Equal((SliderPanel.TruncationName, 0.6), raised);
    }

    [Fact]
    public void Render_WithEdits_ShowsCurrentValues()
    {
        ArtworkEdits.TryParse("pc3:-2", out var edits, out _);
        var panel = Render<SliderPanel>(p => p.Add(c => c.Edits, edits).Add(c => c.Truncation, 0.5f));
        Assert.Equal("-2", panel.Find("input[aria-label='PC 3']").GetAttribute("value"));
        Assert.Equal("0.5", panel.Find("input[aria-label='Truncation']").GetAttribute("value"));
    }

    [Fact]
    public void Render_WithCalibratedDirections_NamesWhatEachEndDoes()
    {
        var vectors = ArtworkEdits.Names.ToDictionary(n => n, _ => new float[4]);
        var ends = new Dictionary<string, string[]> { ["pc1"] = ["calmer", "busier, warmer"] };
        var directions = new LatentDirections("m", vectors, vectors.ToDictionary(v => v.Key, _ => 1.0), vectors.ToDictionary(v => v.Key, _ => 1.0), ends, 8);
        var panel = Render<SliderPanel>(p => p.Add(c => c.Edits, ArtworkEdits.None).Add(c => c.Truncation, 1f).Add(c => c.Directions, directions));

        var pc1 = panel.Find("[data-direction=pc1]");
        Assert.Contains("PC 1: calmer ↔ busier, warmer", pc1.TextContent);
        Assert.Contains("Left: calmer. Right: busier, warmer.", panel.Find("#hint-pc1").TextContent);
        // The accessible name stays short; the description is linked to it.
        Assert.Equal("hint-pc1", panel.Find("input[aria-label='PC 1']").GetAttribute("aria-describedby"));
        Assert.Contains("Left: cooler. Right: warmer.", panel.Find("#hint-warmth").TextContent);
    }
}
