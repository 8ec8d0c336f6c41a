using ArtGallery.Gan.Checkpoints;
using ArtGallery.Gan.Training;

namespace ArtGallery.Cli.Tests;

/// <summary>Issue 24 N9 / minor finding: a hostile or damaged model file is one line in words, exit code 1, never a stack or libtorch frames.</summary>
[Collection("Cli sequential")]
public sealed class DamagedModelTests
{
    [Fact]
    public void Generate_HostileModelHeader_OneLineInWords()
    {
        var dir = CliRunner.TempDir();
        var path = Path.Combine(dir, "hostile.agmodel");
        // The 156-byte attack: 4096-wide layers at 1024 px would allocate gigabytes if the header were trusted.
        var options = new TrainingOptions { MaxResolution = 1024, Widths = new() { [4] = 4096 } };
        ModelFile.Write(path, new ModelBlob(options.ToJson(), 1024, 1, new byte[8]));

        var r = CliRunner.Run("generate", "--checkpoint", path, "--count", "1", "--out", Path.Combine(dir, "out"));

        Assert.Equal(1, r.ExitCode);
        Assert.Equal($"artgallery generate: error: damaged model file: {path}: it asks for 4096 channels at 4 px; at most 1024", r.Err.Trim());
    }

    [Theory]
    [InlineData("generate --checkpoint {0}.agmodel --count 1 --out {0}-out")]
    [InlineData("upscale --detail {0}.agdetail --in {0}.png --out {0}-out.png --scale 2")]
    public void DamagedFiles_NoFramesNoStack(string commandLine)
    {
        var stem = Path.Combine(CliRunner.TempDir(), "damaged");
        foreach (var ext in new[] { ".agmodel", ".agdetail" }) File.WriteAllBytes(stem + ext, new byte[300]);
        using (var image = Imaging.AbstractPainter.Paint(4, 10).Image) File.WriteAllBytes(stem + ".png", Imaging.PngExport.Encode(image));
        var r = CliRunner.Run(string.Format(System.Globalization.CultureInfo.InvariantCulture, commandLine, stem).Split(' '));
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("damaged model file:", r.Err);
        Assert.DoesNotContain("frame #", r.Err);
        Assert.DoesNotContain("   at ", r.Err);
        Assert.Single(r.Err.Trim().Split('\n'));
    }
}
