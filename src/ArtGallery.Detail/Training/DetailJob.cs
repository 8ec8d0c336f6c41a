using ArtGallery.Gan.Sampling;
using ArtGallery.Imaging;

namespace ArtGallery.Detail.Training;

/// <summary>
/// One detail model for one generator, from its file to a trained model: calibrate the degradation on the generator's own
/// samples, train on the data's high-resolution images, record the generator's id. Shared by `artgallery detail train`
/// and the training worker's detail command (the caller saves, atomically, with <see cref="DetailModel.Save"/>).
/// </summary>
public static class DetailJob
{
    /// <summary>builtin:abstract (with any options) painted at 4x the generator's side up to <paramref name="largestPainting"/>
    /// (default 16x: 256..1024 px for 64 px), else a folder of images (a dataset folder's originals/ when it has them).</summary>
    public static IHighResSource SourceFor(string data, int generatorResolution, int? largestPainting = null) =>
        data.Trim().StartsWith(BuiltinAbstractDataset.SpecName, StringComparison.OrdinalIgnoreCase)
            ? new BuiltinHighResSource(11, 4 * generatorResolution, Math.Max(4 * generatorResolution, largestPainting ?? 16 * generatorResolution))
            : new FolderHighResSource(data);

    /// <summary>Calibrates on the generator at <paramref name="generatorPath"/> (run folder, .agck or .agmodel), then trains
    /// (blocking; call on a dedicated thread). <paramref name="calibrated"/> hears the fit before training starts.
    /// Crops are at most 4x the generator's side: a bigger crop than the print's first x4 pass only costs time.
    /// A cancel before training starts (while calibrating or painting the first images) throws <see cref="OperationCanceledException"/>;
    /// one during training ends it early (the caller decides whether to keep the model).</summary>
    public static DetailModel Train(string generatorPath, string data, DetailTrainingOptions options, Action<CalibrationResult>? calibrated = null,
        IProgress<DetailProgress>? progress = null, CancellationToken cancel = default)
    {
        if (options.Threads > 0) TorchSharp.torch.set_num_threads(options.Threads);
        IHighResSource source;
        string generatorId;
        using (var generator = ArtGenerator.Load(generatorPath))
        {
            source = SourceFor(data, generator.Resolution, options.LargestPainting);
            var fit = GeneratorCalibration.Fit(generator, source, cancel: cancel);
            calibrated?.Invoke(fit);
            int crop = Math.Min(options.CropSize, Math.Max(16, 4 * generator.Resolution));
            options = options with { GeneratorResolution = generator.Resolution, Profile = fit.Profile, CropSize = crop };
            generatorId = generator.ModelId;
        }
        var trained = DetailTrainer.Train(options, source, progress, cancel);
        return trained.WithGenerator(generatorId);
    }

    /// <summary>A conditioned detail model serving another generator: calibrates on it (as <see cref="Train"/> does) and
    /// returns the same nets with that generator's degradation and id. The nets read the degradation from their condition
    /// planes, so they serve any generator whose blur and noise lie in the range they trained on (the calibration's
    /// sigma x0.5-1.5, noise x0-2: <see cref="DetailTrainingOptions.Profile"/>).</summary>
    public static DetailModel Recalibrate(string detailPath, string generatorPath, string data, Action<CalibrationResult>? calibrated = null,
        CancellationToken cancel = default)
    {
        var model = DetailModel.Load(detailPath);
        try
        {
            if (model.Nets.Any(n => n.Conditions == 0))
                throw new InvalidDataException($"{detailPath} has a pass that does not read the degradation (an unconditioned net); train it for this generator instead.");
            using var generator = ArtGenerator.Load(generatorPath);
            model.EnsureServes(generator.Resolution);
            var fit = GeneratorCalibration.Fit(generator, SourceFor(data, generator.Resolution), cancel: cancel);
            calibrated?.Invoke(fit);
            return model.WithGenerator(generator.ModelId, fit.Profile);
        }
        catch { model.Dispose(); throw; }
    }
}
