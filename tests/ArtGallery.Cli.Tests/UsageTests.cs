namespace ArtGallery.Cli.Tests;

/// <summary>Bad command lines: one clear line, exit code 2, never a stack trace.</summary>
public class UsageTests
{
    [Theory]
    [InlineData("train --max-res 3 --out x", "--max-res must be between 4 and 1024")]
    [InlineData("train --max-res 48 --out x", "--max-res must be a power of two")]
    [InlineData("train --max-res 32", "--out is required")]
    [InlineData("train --max-res 32 --out x --recipe stylegan", "--recipe must be progan, dcgan, projected or conditioned, got 'stylegan'")]
    [InlineData("train --resume --out x --loss hinge", "--loss must be logistic or rpgan, got 'hinge'")]
    [InlineData("train --max-res 16 --out x --recipe projected", "the projected recipe needs --max-res 32")]
    [InlineData("train --max-res 8 --out x --recipe seed", "the dcgan recipe needs --max-res 16")] // "seed" stays an alias of dcgan
    [InlineData("train --max-res 8 --out x --recipe dcgan", "the dcgan recipe needs --max-res 16")]
    [InlineData("train --max-res 32 --out x --minutes soon", "--minutes must be a number")]
    [InlineData("train --max-res 32 --out x --bogus 1", "unknown option --bogus")]
    [InlineData("train --max-res 32 --out x --max-res 64", "--max-res is given twice")]
    [InlineData("train --max-res", "--max-res needs a value")]
    [InlineData("train stray --max-res 32", "unexpected argument 'stray'")]
    [InlineData("train --max-res 32 --out x --options /nonexistent/o.json", "--options: file '/nonexistent/o.json' does not exist")]
    [InlineData("dataset export --count 0 --res 32 --out x", "--count must be between 1")]
    [InlineData("dataset export --count 5 --out x", "--res is required")]
    [InlineData("generate --checkpoint /nonexistent/run --count 2 --out x", "does not exist")]
    [InlineData("generate --checkpoint /nonexistent/run --count 2 --out x --truncation -1", "--truncation must be between 0 and 2")]
    [InlineData("evaluate --checkpoint /nonexistent/run --data builtin:abstract", "does not exist")]
    [InlineData("evaluate --checkpoint . --res 256", "--res needs --detail")]
    [InlineData("evaluate --checkpoint . --truncation 3", "--truncation must be between 0 and 2")]
    [InlineData("train --out /nonexistent/run --resume --consistency -1", "--consistency must be between 0 and 100")]
    [InlineData("train --out /nonexistent/run --resume --edges -1", "--edges must be between 0 and 1000")]
    [InlineData("train --out /nonexistent/run --resume --widen 64", "--widen must be RES:WIDTH pairs such as 32:64,64:32")]
    [InlineData("train --out /nonexistent/run --resume --neighbours-by colour", "--neighbours-by must be descriptor or composition, got 'colour'")]
    [InlineData("train --out /nonexistent/run --resume --composition-size 65", "--composition-size must be between 1 and 64, got 65")]
    [InlineData("train --out /nonexistent/run --resume --widen 64:32,64:48", "each resolution once")]
    [InlineData("evaluate --checkpoint . --detail /nonexistent/d.agdetail", "--detail '/nonexistent/d.agdetail' does not exist")]
    [InlineData("export-model --checkpoint /nonexistent/run --out m.agmodel", "does not exist")]
    [InlineData("export-model --checkpoint . --out m.agmodel --seed-order random", "--seed-order must be shuffled or hashed (got 'random')")]
    [InlineData("bench train --res 12", "--res must be a power of two")]
    [InlineData("bench generate", "--res is required")]
    [InlineData("upscale --detail default --in x.png --out y.png --scale 0", "--scale must be greater than 0")]
    [InlineData("upscale --detail /nonexistent/d.agdetail --in x.png --out y.png --scale 4", "does not exist")]
    [InlineData("detail train --data builtin:abstract --for /nonexistent/run --out d.agdetail", "does not exist")]
    [InlineData("bench detail --detail /nonexistent/d.agdetail", "does not exist")]
    [InlineData("detail train --data builtin:abstract --for /nonexistent/run --out d.agdetail --channels 50", "--channels must be a multiple of 4, got 50")]
    [InlineData("detail train --data builtin:abstract --for /nonexistent/run --out d.agdetail --channels 2", "--channels must be between 4 and 256")]
    [InlineData("detail train --data builtin:abstract --for /nonexistent/run --out d.agdetail --crop 50", "--crop must be a multiple of 4")]
    [InlineData("detail train --data builtin:abstract --for /nonexistent/run --out d.agdetail --blocks 0", "--blocks must be between 1 and 64")]
    [InlineData("bench detail --detail default --count64 101", "--count64 must be between 0 and 100")]
    [InlineData("detail train --data builtin:abstract --for /nonexistent/run --out d.agdetail --pass 2", "--pass 2 trains on the output of passes 1..1: give --previous")]
    [InlineData("detail train --data builtin:abstract --for /nonexistent/run --out d.agdetail --pass 4", "--pass must be between 1 and 3")]
    [InlineData("detail train --data builtin:abstract --for /nonexistent/run --out d.agdetail --previous p.agdetail", "--previous is for --pass 2 or 3")]
    [InlineData("detail train --data builtin:abstract --for /nonexistent/run --out d.agdetail --pass 2 --previous /nonexistent/p.agdetail", "--previous '/nonexistent/p.agdetail' does not exist")]
    [InlineData("detail train --data builtin:abstract --for /nonexistent/run --out d.agdetail --fft -1", "--fft must be between 0 and 100")]
    [InlineData("detail train --data builtin:abstract --for /nonexistent/run --out d.agdetail --adversarial -1", "--adversarial must be between 0 and 100")]
    [InlineData("detail train --data builtin:abstract --for /nonexistent/run --out d.agdetail --adversarial 0.01", "--for '/nonexistent/run' does not exist")] // the flag parses
    public void BadArguments_ClearMessage_ExitCode2(string commandLine, string expected)
    {
        var r = CliRunner.Run(commandLine.Split(' '));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains(expected, r.Err);
        Assert.Contains("usage: artgallery", r.Err);
        Assert.DoesNotContain("   at ", r.Err); // no stack trace
    }

    [Fact]
    public void UnknownCommand_ListsUsage_ExitCode2()
    {
        var r = CliRunner.Run("paint", "--fast");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("unknown command 'paint'", r.Err);
        Assert.Contains("artgallery train", r.Err);
    }

    [Fact]
    public void NoArguments_PrintsUsage_ExitCode2()
    {
        var r = CliRunner.Run();
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("artgallery dataset export", r.Out);
    }

    [Fact]
    public void DatasetFolderWithoutImages_FailsWithReason_ExitCode1()
    {
        var dir = CliRunner.TempDir();
        File.WriteAllText(Path.Combine(dir, "notes.png"), "this is not a picture");
        var r = CliRunner.Run("dataset", "export", "--data", dir, "--count", "1", "--res", "16", "--out", Path.Combine(dir, "out"));
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("no images in", r.Err);
        Assert.Contains("notes.png", r.Err);
        Assert.DoesNotContain("   at ", r.Err);
    }
}
