namespace ArtGallery.Imaging.Tests;

/// <summary>Issue 15 smaller items on the Imaging side: one builtin parser, links and dot-files reported, zip refusals name the archive, linear imports.</summary>
public class HostileSourceTests
{
    [Theory]
    [InlineData("builtin:abstract?count=-1")]
    [InlineData("builtin:abstract?count=0")]
    [InlineData("builtin:abstract?count=1e3")]
    [InlineData("builtin:abstract?count=5&count=6")]
    [InlineData("builtin:abstract?colour=red")]
    [InlineData("builtin:abstractx")]
    public void TryParseBuiltin_BadOptions_RefusedWithTheRule(string spec)
    {
        Assert.False(DatasetSource.TryParseBuiltin(spec, null, out _, out _, out _, out var error));
        Assert.Contains(spec.Contains('?') ? "use count=1..100000 and seed=<integer>" : "use builtin:abstract", error);
        Assert.Throws<DatasetException>(() => DatasetSource.Open(spec)); // the CLI's --data goes through the same parser
    }

    [Fact]
    public void TryParseBuiltin_Options_KeptInTheCanonicalSpec()
    {
        Assert.True(DatasetSource.TryParseBuiltin("builtin:abstract?seed=-3&count=12", null, out int count, out int seed, out var canonical, out _));
        Assert.Equal((12, -3, "builtin:abstract?count=12&seed=-3"), (count, seed, canonical));
        Assert.Equal(12, DatasetSource.Open(canonical).Dataset.Count);
    }

    [Fact]
    public void Open_FolderWithLinksAndDotFiles_ReportsEachOnALine()
    {
        using var dir = new TempDir();
        using var elsewhere = new TempDir();
        dir.File("good.png", TestImages.Png());
        dir.File(".hidden.png", TestImages.Png());
        dir.File(".git/objects/x.png", TestImages.Png());
        File.CreateSymbolicLink(Path.Combine(dir.Path, "link.png"), elsewhere.File("outside.png", TestImages.Png()));
        Directory.CreateSymbolicLink(Path.Combine(dir.Path, "linked-dir"), elsewhere.Path);

        var (ds, report) = DatasetSource.Open(dir.Path);

        Assert.Equal(1, ds.Count);
        Assert.Equal([".git: hidden (name starts with '.'), skipped", ".hidden.png: hidden (name starts with '.'), skipped",
            "link.png: symbolic link, not followed", "linked-dir: symbolic link, not followed"], report.Refused.Select(r => $"{r.File}: {r.Reason}"));
    }

    [Fact]
    public void ImportZip_Refusals_NameTheArchive()
    {
        using var dir = new TempDir();
        var zip = TestImages.Zip(("a.png", TestImages.Png()), ("notes.png", "text"u8.ToArray()));
        var report = DatasetImporter.ImportZip(new MemoryStream(zip), dir.Path, archiveName: "holiday.zip");
        Assert.Equal("holiday.zip: notes.png", Assert.Single(report.Refused).File);
    }

    [Fact]
    public void ImportZip_ManyImages_NumberedInOrderWithoutGaps()
    {
        using var dir = new TempDir();
        var png = TestImages.Png(16, 16);
        var zip = TestImages.Zip([.. Enumerable.Range(0, 300).Select(i => ($"{i}.png", png))]);
        var report = DatasetImporter.ImportZip(new MemoryStream(zip), dir.Path);
        Assert.Equal(Enumerable.Range(1, 300).Select(n => $"img-{n:D6}.png"), report.Accepted.Select(a => a.SavedAs));
    }
}
