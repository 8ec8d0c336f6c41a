using ArtGallery.Cli.Commands;

namespace ArtGallery.Cli.Tests;

/// <summary>Issue 24 minor finding: the progress line printed "0.2/0 kimg" for a short run.</summary>
public class ProgressTextTests
{
    [Theory]
    [InlineData(0.15, 0.15, "0.15/0.15")]
    [InlineData(0.2, 0.45, "0.20/0.45")]
    [InlineData(0.004, 0.009, "0.004/0.009")]
    [InlineData(12.34, 90, "12.3/90.0")]
    [InlineData(0.5, 0, "0.5/?")]
    [InlineData(0.5, double.NaN, "0.5/?")]
    public void Kimg_SameDecimalsForBoth_NeverATotalOfZero(double done, double total, string expected) =>
        Assert.Equal(expected, TrainCommand.Kimg(done, total));
}
