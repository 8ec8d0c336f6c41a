namespace ArtGallery.Imaging.Tests;

public sealed class AtomicFileTests
{
    private readonly string dir = Path.Combine(Path.GetTempPath(), "ag-atomic-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void Write_WriterThrows_OldFileKeptAndNoTempLeft()
    {
        var path = Path.Combine(dir, "sub", "a.json");
        AtomicFile.WriteAllText(path, "old");

        Assert.Throws<InvalidOperationException>(() => AtomicFile.Write(path, s => { s.WriteByte(1); throw new InvalidOperationException("crash"); }));

        Assert.Equal("old", File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFiles(Path.Combine(dir, "sub")));
    }

    [Fact]
    public void TempPathFor_Path_DotPrefixedWithProcessId()
    {
        var tmp = Path.GetFileName(AtomicFile.TempPathFor(Path.Combine(dir, "ckpt-1.agck")));
        Assert.Equal($".ckpt-1.agck.{Environment.ProcessId}.tmp", tmp);
    }
}
