using System.Text.Json;
using ArtGallery.Detail.Training;

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
        string detail = TinyDetail(root, "d8.agdetail", 8), wrong = TinyDetail(root, "d16.agdetail", 16);
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

    private static string TinyDetail(string dir, string name, int resolution)
    {
        var path = Path.Combine(dir, name);
        var options = new DetailTrainingOptions { GeneratorResolution = resolution, Channels = 12, Blocks = 1, Batch = 2, CropSize = 32, Steps = 2,
            Threads = 1, Device = "cpu", PoolSize = 2 };
        using (var model = DetailTrainer.Train(options, new BuiltinHighResSource(3, 64, 64))) model.Save(path);
        return path;
    }
}
