using System.Text.Json;

namespace ArtGallery.Cli.Tests;

/// <summary>evaluate --detail: the samples are judged after the detail cascade, at its resolution, against real images read there.</summary>
[Trait("Category","Slow")]
[Collection("Cli sequential")]
public sealed class EvaluateDetailTests
{
    private const string TinyData = "builtin:abstract?count=48";

    [Fact]
    public void Evaluate_WithDetail_JudgesUpscaledSamplesAgainstRealImagesAtFourTimesTheSize()
    {
        var root = CliRunner.TempDir();
        var run = Path.Combine(root, "run");
        var train = CliRunner.Run("train", "--data", TinyData, "--max-res", "8", "--kimg-per-phase", "0.05", "--threads", "1", "--out", run);
        Assert.True(train.ExitCode == 0, train.Err);
        string detail = TinyDetailFile.Save(root, "d8.agdetail", 8), wrong = TinyDetailFile.Save(root, "d16.agdetail", 16);
        Environment.SetEnvironmentVariable("XDG_CACHE_HOME", Path.Combine(root, "cache"));

        var eval = CliRunner.Run("evaluate", "--checkpoint", run, "--data", TinyData, "--count", "48", "--detail", detail, "--no-fd", "--threads", "1", "--json");

        Assert.True(eval.ExitCode == 0, eval.Err);
        Assert.Contains("samples taken 8 -> 32 px by detail model", eval.Err);
        using var json = JsonDocument.Parse(eval.Out);
        Assert.Equal(32, json.RootElement.GetProperty("resolution").GetInt32());
        var generated = json.RootElement.GetProperty("generated");
        Assert.InRange(generated.GetProperty("precision").GetDouble(), 0, 1);
        Assert.InRange(generated.GetProperty("duplicateRate").GetDouble(), 0, 1);
        Assert.Equal(JsonValueKind.Object, generated.GetProperty("families").ValueKind);

        // A detail model made for another generator resolution is refused with a clear error.
        var refused = CliRunner.Run("evaluate", "--checkpoint", run, "--data", TinyData, "--count", "48", "--detail", wrong, "--no-fd");
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("made for 16 px generator samples, not 8 px", refused.Err);
    }
}
