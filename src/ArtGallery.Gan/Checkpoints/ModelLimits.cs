using ArtGallery.Gan.Training;
using static System.FormattableString;

namespace ArtGallery.Gan.Checkpoints;

/// <summary>
/// What a model file may ask for, checked from its header before a network is built. A SHA-256 only proves the file is
/// the one written, not that a hostile writer asked for something sane: a 156-byte file claiming 4096-wide layers at
/// 1024 px would otherwise allocate gigabytes. The bounds: the options pass <see cref="GanRecipes.Validate"/>
/// (power-of-two resolution up to 1024, a known recipe), layers are at most <see cref="MaxWidth"/> wide, the latent at
/// most <see cref="MaxLatentSize"/>, one image's widest feature map at most <see cref="MaxFeatureValues"/> values, and
/// the file must carry at least 4 bytes for every weight its options describe (so the network never outgrows the file).
/// </summary>
public static class ModelLimits
{
    /// <summary>Widest layer (ProGAN on a GPU uses 512).</summary>
    public const int MaxWidth = 1024;

    /// <summary>Longest latent (ProGAN: 512).</summary>
    public const int MaxLatentSize = 1024;

    /// <summary>Values in one image's largest feature map: 2^24 (64 MB; ProGAN at 1024 px has 16 x 1024 x 1024).</summary>
    public const long MaxFeatureValues = 1L << 24;

    /// <summary>Throws <see cref="InvalidDataException"/> ("damaged model file: PATH: why") unless <paramref name="model"/> is within the bounds.</summary>
    public static void Check(ModelBlob model, string path)
    {
        if (Problem(model) is { } problem) throw new InvalidDataException($"damaged model file: {path}: {problem}");
    }

    /// <summary>Why <paramref name="model"/> is out of bounds, or null.</summary>
    public static string? Problem(ModelBlob model)
    {
        TrainingOptions options;
        try
        {
            options = model.Options;
            GanRecipes.Validate(options);
        }
        // Any failure here is the file's: malformed JSON, a null table, an unknown enum value, a value out of range.
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return $"its training options are not valid ({e.Message})";
        }
        if (model.Resolution < 4 || model.Resolution > options.MaxResolution || (model.Resolution & (model.Resolution - 1)) != 0)
            return Invariant($"its resolution {model.Resolution} is not a power of two in 4..{options.MaxResolution}");
        if (!double.IsFinite(model.Alpha) || model.Alpha is < 0 or > 1) return Invariant($"its fade-in alpha {model.Alpha} is not in 0..1");
        var layers = Layers(options);
        if (layers.FirstOrDefault(l => l.Width > MaxWidth) is { Width: > 0 } wide)
            return Invariant($"it asks for {wide.Width} channels at {wide.Resolution} px; at most {MaxWidth}");
        if (layers.FirstOrDefault(l => (long)l.Width * l.Resolution * l.Resolution > MaxFeatureValues) is { Width: > 0 } big)
            return Invariant($"it asks for {big.Width} channels at {big.Resolution} px, over {MaxFeatureValues:N0} values per image");
        if (options.EffectiveLatentSize is < 1 or > MaxLatentSize) return Invariant($"its latent size {options.EffectiveLatentSize} is not in 1..{MaxLatentSize}");
        long weights = WeightsAtLeast(options);
        if (weights * 4 > model.Weights.LongLength)
            return Invariant($"its options describe at least {weights:N0} weights ({weights * 4:N0} bytes) but it holds {model.Weights.LongLength:N0} bytes");
        return null;
    }

    /// <summary>A lower bound of the generator's weights (biases, norms and serialisation headers left out), from its
    /// recipe (<see cref="Recipes.IGanRecipe.GeneratorWeightsAtLeast"/>). ModelLimitsTests pins it to the real networks.</summary>
    public static long WeightsAtLeast(TrainingOptions options) => GanRecipes.Of(options.Recipe).GeneratorWeightsAtLeast(options);

    private static IReadOnlyList<(int Resolution, int Width)> Layers(TrainingOptions options) => GanRecipes.Of(options.Recipe).GeneratorLayers(options);
}
