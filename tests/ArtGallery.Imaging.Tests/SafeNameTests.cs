namespace ArtGallery.Imaging.Tests;

public sealed class SafeNameTests
{
    [Theory]
    [InlineData("run-20261201-132100-a1b")]
    [InlineData("grid-000001500.png")]
    [InlineData("artgallery-20261201-132100-00ff.zip")]
    [InlineData("model_v2.1")]
    [InlineData("a")]
    public void IsValid_AppNames_Accepted(string name) => Assert.True(SafeName.IsValid(name));

    [Theory]
    [InlineData("..")]
    [InlineData(".")]
    [InlineData("a..b")]
    [InlineData("../etc/passwd")]
    [InlineData("..%2f..%2fetc")]
    [InlineData(".hidden")]
    [InlineData(".ckpt-1.agck.123.tmp")]
    public void IsValid_TraversalAndDotNames_Refused(string name) => Assert.False(SafeName.IsValid(name));

    [Theory]
    [InlineData("a/b")]
    [InlineData("a\\b")]
    [InlineData("/abs")]
    [InlineData("C:evil")]
    [InlineData("c:\\windows")]
    public void IsValid_SeparatorsAndDrives_Refused(string name) => Assert.False(SafeName.IsValid(name));

    [Theory]
    [InlineData("a\0b")]
    [InlineData("a\nb")]
    [InlineData("tab\there")]
    [InlineData("bell\u0007")]
    [InlineData("del\u007f")]
    [InlineData("space here")]
    [InlineData("caf\u00e9")]
    [InlineData("\u202eexe.png")]
    public void IsValid_ControlWhiteSpaceAndNonAscii_Refused(string name) => Assert.False(SafeName.IsValid(name));

    [Fact]
    public void IsValid_NullOrEmpty_Refused()
    {
        Assert.False(SafeName.IsValid(null));
        Assert.False(SafeName.IsValid(""));
    }

    [Fact]
    public void IsValid_Length_CappedAtMaxAndAtCallerLimit()
    {
        Assert.True(SafeName.IsValid(new string('a', SafeName.MaxLength)));
        Assert.False(SafeName.IsValid(new string('a', SafeName.MaxLength + 1)));
        Assert.True(SafeName.IsValid(new string('a', 32), maxLength: 32));
        Assert.False(SafeName.IsValid(new string('a', 33), maxLength: 32));
        // A caller cannot widen the cap past MaxLength.
        Assert.False(SafeName.IsValid(new string('a', SafeName.MaxLength + 1), maxLength: 1000));
    }

    [Theory]
    [InlineData("CON")]
    [InlineData("nul")]
    [InlineData("Aux.zip")]
    [InlineData("com1")]
    [InlineData("LPT9.png")]
    public void IsValid_ReservedDeviceNames_Refused(string name) => Assert.False(SafeName.IsValid(name));

    [Fact]
    public void IsValid_ReservedPrefixInLongerName_Accepted()
    {
        Assert.True(SafeName.IsValid("console"));
        Assert.True(SafeName.IsValid("com10"));
    }
}
