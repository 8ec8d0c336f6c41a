using System.Text.Json;
using ArtGallery.Imaging;

namespace ArtGallery.Metrics;

/// <summary>JSON persistence of <see cref="FamilyClassifier"/> so the CLI can cache a trained model.</summary>
public sealed partial class FamilyClassifier
{
    private const string Format = "artgallery-family-classifier";
    private static readonly JsonSerializerOptions Options = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    /// <summary>The model as JSON text.</summary>
    public string ToJson()
    {
        var file = new ClassifierFile(Format, FeatureExtractor.Version, [.. Labels], Resolution, mean, std, weights, bias,
            double.IsNaN(HeldOutAccuracy) ? null : HeldOutAccuracy, TrainCount, HeldOutCount);
        return JsonSerializer.Serialize(file, Options);
    }

    /// <summary>Reads a model from JSON text; refuses files from another format or feature version.</summary>
    public static FamilyClassifier FromJson(string json)
    {
        ClassifierFile? f;
        try
        {
            f = JsonSerializer.Deserialize<ClassifierFile>(json, Options);
        }
        catch (JsonException e)
        {
            throw new MetricsException($"Not a family classifier file: {e.Message}");
        }
        if (f is null || f.Format != Format) throw new MetricsException("Not a family classifier file.");
        if (f.FeatureVersion != FeatureExtractor.Version)
            throw new MetricsException($"Family classifier was trained on feature version {f.FeatureVersion}; this build uses {FeatureExtractor.Version}. Retrain it.");
        int dims = InputLength;
        if (f.Labels.Length < 2 || f.Mean.Length != dims || f.Std.Length != dims || f.Bias.Length != f.Labels.Length
            || f.Weights.Length != f.Labels.Length || f.Weights.Any(w => w.Length != dims) || f.Std.Any(s => !(s > 0)))
            throw new MetricsException("Family classifier file is inconsistent (sizes do not match).");
        return new FamilyClassifier(f.Labels, f.Resolution, f.Mean, f.Std, f.Weights, f.Bias, f.HeldOutAccuracy ?? double.NaN, f.TrainCount, f.HeldOutCount);
    }

    /// <summary>Writes the model to <paramref name="path"/> (temp file then rename, so a crash never leaves half a file).</summary>
    public void Save(string path)
    {
        Imaging.AtomicFile.WriteAllText(path, ToJson());
    }

    /// <summary>Loads a model saved by <see cref="Save"/>.</summary>
    public static FamilyClassifier Load(string path) => FromJson(File.ReadAllText(path));

    /// <summary>
    /// The cached model at <paramref name="cachePath"/> when it is readable and of this feature version;
    /// otherwise trains on <paramref name="data"/> at <paramref name="resolution"/> and caches the result.
    /// </summary>
    public static FamilyClassifier LoadOrTrain(string cachePath, ILabelledDataset data, int resolution, FamilyTrainingOptions? options = null)
    {
        if (File.Exists(cachePath))
        {
            try
            {
                var cached = Load(cachePath);
                if (cached.Labels.SequenceEqual(data.Labels)) return cached;
            }
            catch (MetricsException)
            {
                // A stale or damaged cache is rebuilt below; it is only a cache.
            }
        }
        var model = Train(data, resolution, options);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(cachePath))!);
        model.Save(cachePath);
        return model;
    }

    private sealed record ClassifierFile(string Format, int FeatureVersion, string[] Labels, int Resolution, float[] Mean, float[] Std,
        float[][] Weights, float[] Bias, double? HeldOutAccuracy, int TrainCount, int HeldOutCount);
}
