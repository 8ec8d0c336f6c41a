using ArtGallery.Detail.Training;

namespace ArtGallery.Cli.Tests;

/// <summary>A detail model file trained for a few steps at a tiny width: enough for the commands that read one.</summary>
internal static class TinyDetailFile
{
    public static string Save(string dir, string name, int generatorResolution, int steps = 2)
    {
        var path = Path.Combine(dir, name);
        var options = new DetailTrainingOptions { GeneratorResolution = generatorResolution, Channels = 12, Blocks = 1, Batch = 2, CropSize = 32,
            Steps = steps, Threads = 1, Device = "cpu", PoolSize = 2 };
        using (var model = DetailTrainer.Train(options, new BuiltinHighResSource(3, 64, 64))) model.Save(path);
        return path;
    }
}
