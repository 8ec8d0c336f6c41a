using System.Text.Json;
using SixLabors.ImageSharp;

namespace ArtGallery.Cli.Tests;

/// <summary>The verbs end to end on a tiny run: export data, train, stop, resume, generate, export, evaluate, bench.</summary>
[Trait("Category","Slow")]
[Collection("Cli sequential")]
public class WorkflowTests
{
    private const string TinyData = "builtin:abstract?count=48";

    [Fact]
    public void DatasetExport_WritesPngsAtResolutionAndLabels()
    {
        var dir = CliRunner.TempDir();
        var r = CliRunner.Run("dataset", "export", "--data", "builtin:abstract", "--count", "12", "--res", "24", "--out", dir);

        Assert.Equal(0, r.ExitCode);
        var pngs = Directory.GetFiles(dir, "*.png").Order().ToArray();
        Assert.Equal(12, pngs.Length);
        var info = Image.Identify(pngs[0]);
        Assert.Equal((24, 24), (info.Width, info.Height));
        var lines = File.ReadAllLines(Path.Combine(dir, "labels.csv"));
        Assert.Equal("file,family", lines[0]);
        Assert.Equal(13, lines.Length);
        Assert.Equal(8, lines.Skip(1).Select(l => l.Split(',')[1]).Distinct().Count()); // every family among 12 images
    }

    [Fact]
    public void Train_StoppedThenResumed_FinishesAndGeneratesReproducibly()
    {
        var root = CliRunner.TempDir();
        var run = Path.Combine(root, "run");
        string[] train = ["train", "--data", TinyData, "--max-res", "8", "--kimg-per-phase", "0.05", "--threads", "1", "--out", run];

        // Stopped before the first step (Ctrl+C): exit 130, and a checkpoint to resume from.
        var stopped = CliRunner.Run(new CancellationToken(canceled: true), train);
        Assert.Equal(130, stopped.ExitCode);
        Assert.Single(Directory.GetFiles(Path.Combine(run, "checkpoints"), "*.agck"));

        // Starting again in the same folder without --resume is refused, with the way out in the message.
        var again = CliRunner.Run(train);
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("resume it", again.Err);

        var resumed = CliRunner.Run("train", "--data", TinyData, "--out", run, "--resume");
        Assert.Equal(0, resumed.ExitCode);
        Assert.Contains("resuming", resumed.Out);
        Assert.Matches(@"stopped at [\d.]+/[\d.]+ kimg \(8px\)", resumed.Out);
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(run, "samples"), "grid-*.png"));

        var images = Path.Combine(root, "images");
        var gen = CliRunner.Run("generate", "--checkpoint", run, "--count", "3", "--seed", "40", "--out", images, "--truncation", "0.7");
        Assert.Equal(0, gen.ExitCode);
        var files = Directory.GetFiles(images, "*.png").Select(f => Path.GetFileName(f)!).Order().ToArray();
        Assert.Equal(["seed-000040.png", "seed-000041.png", "seed-000042.png"], files);
        Assert.Equal(8, Image.Identify(Path.Combine(images, "seed-000040.png")).Width);

        // The exported model draws the same picture for the same seed.
        var model = Path.Combine(root, "tiny.agmodel");
        Assert.Equal(0, CliRunner.Run("export-model", "--checkpoint", run, "--out", model).ExitCode);
        // detail train calibrates on the model, then trains its detail model (a few steps), saved where prints look for it.
        var trained = CliRunner.Run("detail", "train", "--data", "builtin:abstract", "--for", model,
            "--out", Path.ChangeExtension(model, ".agdetail"), "--steps", "3", "--threads", "1");
        Assert.True(trained.ExitCode == 0, trained.Err);
        Assert.Contains("calibrated", trained.Out);
        Assert.True(File.Exists(Path.ChangeExtension(model, ".agdetail")));
        // The architecture flags reach the saved model.
        var small = Path.Combine(root, "small.agdetail");
        var narrow = CliRunner.Run("detail", "train", "--data", "builtin:abstract", "--for", model, "--out", small, "--steps", "2", "--threads", "1",
            "--channels", "8", "--blocks", "1", "--crop", "32", "--batch", "2");
        Assert.True(narrow.ExitCode == 0, narrow.Err);
        using (var saved = Detail.DetailModel.Load(small)) Assert.Equal((8, 1), (saved.Info.Channels, saved.Info.Blocks));
        // detail calibrate: the same nets for another generator, with its degradation and id in the header.
        var other = Path.Combine(root, "other.agmodel");
        File.Copy(model, other);
        var recalibrated = Path.Combine(root, "recalibrated.agdetail");
        var calibrate = CliRunner.Run("detail", "calibrate", "--detail", small, "--for", other, "--out", recalibrated, "--threads", "1");
        Assert.True(calibrate.ExitCode == 0, calibrate.Err);
        Assert.Contains("calibrated", calibrate.Out);
        using (var before = Detail.DetailModel.Load(small))
        using (var after = Detail.DetailModel.Load(recalibrated))
        {
            Assert.Equal(before.Info.Profile, after.Info.Profile); // the same generator's samples fit the same degradation
            Assert.Equal(before.Info.GeneratorModelId, after.Info.GeneratorModelId);
            Assert.Equal(before.Info.Steps, after.Info.Steps);
        }
        var unconditioned = Path.Combine(root, "unconditioned.agdetail");
        Assert.Equal(0, CliRunner.Run("detail", "train", "--data", "builtin:abstract", "--for", model, "--out", unconditioned, "--steps", "1",
            "--threads", "1", "--channels", "8", "--blocks", "1", "--crop", "32", "--batch", "2", "--unconditioned").ExitCode);
        var refused = CliRunner.Run("detail", "calibrate", "--detail", unconditioned, "--for", model, "--out", recalibrated, "--threads", "1");
        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains("does not read the degradation", refused.Err);
        var fromModel = Path.Combine(root, "from-model");
        Assert.Equal(0, CliRunner.Run("generate", "--checkpoint", model, "--count", "1", "--seed", "41", "--out", fromModel, "--truncation", "0.7").ExitCode);
        Assert.Equal(File.ReadAllBytes(Path.Combine(images, "seed-000041.png")), File.ReadAllBytes(Path.Combine(fromModel, "seed-000041.png")));

        // evaluate --json prints one JSON document with generated and real-vs-real metrics.
        Environment.SetEnvironmentVariable("XDG_CACHE_HOME", Path.Combine(root, "cache"));
        var eval = CliRunner.Run("evaluate", "--checkpoint", model, "--data", TinyData, "--count", "48", "--json");
        Assert.True(eval.ExitCode == 0, eval.Err);
        using var json = JsonDocument.Parse(eval.Out);
        double recall = json.RootElement.GetProperty("generated").GetProperty("recall").GetDouble();
        Assert.InRange(recall, 0, 1);
        Assert.True(json.RootElement.TryGetProperty("realVsReal", out _), eval.Out);
    }

    [Fact]
    public void Train_FinishedRunResumedWithFinalKimg_TrainsOnAtFullSize()
    {
        var run = Path.Combine(CliRunner.TempDir(), "run");
        var first = CliRunner.Run("train", "--data", TinyData, "--max-res", "8", "--kimg-per-phase", "0.05", "--threads", "1", "--out", run);
        Assert.True(first.ExitCode == 0, first.Err);
        var finished = Gan.Checkpoints.CheckpointStore.LoadLatest(run)!;
        Assert.InRange(finished.Counters.ImagesSeen, 150, 165); // 3 phases of 50 images (the last batch may overshoot)

        // A resumed run may take another share of the CPU (--threads), which it then records.
        var longer = CliRunner.Run("train", "--data", TinyData, "--out", run, "--resume", "--final-kimg", "0.2", "--threads", "2");
        Assert.True(longer.ExitCode == 0, longer.Err);
        var extended = Gan.Checkpoints.CheckpointStore.LoadLatest(run)!;
        Assert.InRange(extended.Counters.ImagesSeen, 300, 315); // 2 x 50 + 200: only the last phase grew
        Assert.Equal((0.2, 8, 2), (extended.Options.FinalKimg, extended.Options.MaxResolution, extended.Options.Threads));
    }

    [Fact]
    public void Train_OptionsFile_IsTheStartingPointAndFlagsOverrideIt()
    {
        var root = CliRunner.TempDir();
        var file = Path.Combine(root, "tuning.json");
        File.WriteAllText(file, new Gan.Training.TrainingOptions
        {
            Widths = new() { [4] = 12, [8] = 6 }, BatchSizes = new() { [4] = 6 }, LearningRate = 0.003, KimgPerPhase = 99, FinalKimg = 99,
        }.ToJson());
        var run = Path.Combine(root, "run");
        var r = CliRunner.Run("train", "--data", TinyData, "--options", file, "--max-res", "8", "--kimg-per-phase", "0.02",
            "--final-kimg", "0.03", "--threads", "1", "--out", run);

        Assert.True(r.ExitCode == 0, r.Err);
        var used = Gan.Training.TrainingOptions.FromJson(File.ReadAllText(Path.Combine(run, "run.json")));
        Assert.Equal((12, 6, 6, 0.003), (used.WidthAt(4), used.WidthAt(8), used.BatchAt(8), used.LearningRate));
        Assert.Equal((8, 0.02, 0.03), (used.MaxResolution, used.KimgPerPhase, used.FinalKimg)); // the flags win over the file

        File.WriteAllText(file, """{ "Widths": { "8": 16 } }""");
        var bad = CliRunner.Run("train", "--options", file, "--max-res", "8", "--out", Path.Combine(root, "bad"));
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("is not valid training options: Widths need a positive entry for 4", bad.Err);
    }

    [Fact]
    public void Evaluate_EmptyFolder_ClearMessage()
    {
        var root = CliRunner.TempDir();
        var model = Path.Combine(root, "m.agmodel");
        File.WriteAllText(model, "not a model");
        var empty = Directory.CreateDirectory(Path.Combine(root, "empty")).FullName;
        var r = CliRunner.Run("evaluate", "--checkpoint", model, "--data", empty);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("no images in 'empty'", r.Err);
    }

    [Fact]
    public void Bench_PrintsThroughputAndLatency()
    {
        var train = CliRunner.Run("bench", "train", "--res", "8", "--steps", "2", "--threads", "1");
        Assert.Equal(0, train.ExitCode);
        Assert.Matches(@"ProGan 8px batch \d+, 2 steps on 1 threads: [\d.]+ img/s, [\d.]+ GFLOP/s achieved", train.Out);

        var gen = CliRunner.Run("bench", "generate", "--res", "16", "--count", "2", "--threads", "1");
        Assert.Equal(0, gen.ExitCode);
        Assert.Matches(@"generate 16px on 1 threads: [\d.]+ ms per image", gen.Out);
    }
}

[CollectionDefinition("Cli sequential", DisableParallelization = true)]
public sealed class CliSequential;
