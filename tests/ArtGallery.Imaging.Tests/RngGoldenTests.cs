using System.Security.Cryptography;

namespace ArtGallery.Imaging.Tests;

/// <summary>The painter's PRNG pinned to the values it produced before the three SplitMix64 copies were merged: the built-in
/// data set (families, paint seeds, every pixel) depends on them, so any change to the core shows here first.</summary>
public sealed class RngGoldenTests
{
    [Fact]
    public void Sequence_Seed12345_MatchesGoldenValues()
    {
        var r = new Rng(12345);
        Assert.Equal([2454886589211414944UL, 3778200017661327597UL, 2205171434679333405UL, 3248800117070709450UL], Draw(4, r.Next));
        Assert.Equal([0.50688016f, 0.33703452f, 0.12265217f, 0.43145853f], Draw(4, r.Float));
        Assert.Equal([444, 146, 696, 268], Draw(4, () => r.Int(1000)));
        Assert.Equal([1152776292u, 86415957u, 2330197264u], Draw(3, r.NextSeed));
    }

    [Fact]
    public void Mix_Pairs_MatchGoldenValues() =>
        Assert.Equal([7960286522194355700UL, 17007339015811181132UL, 15722547052789734717UL], new[] { Rng.Mix(0, 0), Rng.Mix(7, 1), Rng.Mix(-3, 0x5EED) });

    [Fact]
    public void BuiltinData_FamiliesSeedsAndPixels_MatchGoldenValues()
    {
        Assert.Equal([5, 1, 4, 5, 3, 2, 3, 4, 0, 0, 3, 3, 6, 5, 3, 2], Enumerable.Range(0, 16).Select(i => (int)AbstractPainter.FamilyOf(i)));
        var data = new BuiltinAbstractDataset(100);
        Assert.Equal([-1581685260, 1703865447, 201072194, 2072095113, 1268297776, -1818806536], Enumerable.Range(0, 6).Select(data.PaintSeedAt));
        var (image, _) = AbstractPainter.Paint(3, 32);
        using (image)
        {
            var pixels = new byte[32 * 32 * 3];
            image.CopyPixelDataTo(pixels);
            Assert.Equal("F4321F9BDC346A45FEADC012226F26E7BC1D486B3E21509CB08AA5B3C2A1A031", Convert.ToHexString(SHA256.HashData(pixels)));
        }
    }

    private static T[] Draw<T>(int n, Func<T> next) => [.. Enumerable.Range(0, n).Select(_ => next())];
}
