using ArtGallery.Detail.Training;

namespace ArtGallery.Detail.Tests;

/// <summary>Where pass 1 learns: builtin:abstract painted from 4x the generator's side up to a chosen largest side.</summary>
public sealed class HighResSourceTests
{
    [Fact]
    public void Builtin_PaintedFromFourTimesTheGeneratorSide_UpToTheLargestPainting()
    {
        var rng = new Random(3);
        var sides = Enumerable.Range(0, 12).Select(i => DetailJob.SourceFor("builtin:abstract", 16).Get(i, rng).Width).ToList();
        Assert.All(sides, s => Assert.InRange(s, 64, 256)); // default: 4x..16x
        Assert.True(sides.Distinct().Count() > 3, $"sides {string.Join(", ", sides)}");
        var atScale = DetailJob.SourceFor("builtin:abstract", 16, largestPainting: 64);
        Assert.All(Enumerable.Range(0, 6), i => Assert.Equal(64, atScale.Get(i, rng).Width)); // the scale a print meets
        Assert.Equal(64, DetailJob.SourceFor("builtin:abstract", 16, largestPainting: 20).Get(0, rng).Width); // never under 4x
    }
}
