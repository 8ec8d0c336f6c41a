using System.Text.Json;

namespace ArtGallery.Metrics;

/// <summary>Every metric for one image set compared against the reference half of the real data.</summary>
public sealed record MetricSet(double Precision, double Recall, BinCoverageResult Bins, double DuplicateRate, FamilyCoverageResult? Families);

/// <summary>Distinct palettes (<see cref="PaletteCount"/>) among the first <paramref name="Of"/> generated and real images.</summary>
public sealed record PaletteCounts(int Generated, int RealVsReal, int Of)
{
    /// <summary>Images counted per set: the "distinct palettes in 64 samples".</summary>
    public const int Sample = 64;
}

/// <summary>Mean 10-90 % rise of the steepest edges (<see cref="EdgeWidth.SelfMeanOver"/>), in pixels at the evaluated
/// resolution, of the generated images and of the real ceiling half: how crisp the pictures are.</summary>
public sealed record EdgeWidths(double Generated, double RealVsReal);

/// <summary>"More like this" on a conditioned model: the share of samples drawn around a collection picture that lie nearer
/// to it than to 95 % of the collection (<paramref name="Nearer"/>), and the share that are copies of it.</summary>
public sealed record LikeFidelity(int Pictures, int PerPicture, double Nearer, double Copies);

/// <summary>
/// Result of <see cref="Evaluator"/>: the generated images' metrics and, as the ceiling, the same metrics
/// for the second real half (same size as the generated set) against the first.
/// </summary>
public sealed partial record EvaluationReport(
    string Dataset, int Resolution, int ReferenceCount, int GeneratedCount, int K, double Alpha,
    double DuplicateThreshold, MetricSet Generated, MetricSet RealVsReal, TimeSpan Elapsed)
{
    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true };

    /// <summary>FD and KID in pretrained (ResNet-18 pool) features, when measured.</summary>
    public PretrainedDistances? Pretrained { get; init; }

    /// <summary>Distinct palettes in the first 64 generated and real (ceiling half) images.</summary>
    public PaletteCounts? Palettes { get; init; }

    /// <summary>Edge widths of the generated and the real ceiling images.</summary>
    public EdgeWidths? Edges { get; init; }

    /// <summary>"More like this" on a conditioned model, when measured.</summary>
    public LikeFidelity? Like { get; init; }

    /// <summary>Held-out accuracy of the family classifier used, if any (so a reader can judge the family numbers).</summary>
    public double? ClassifierAccuracy { get; init; }

    /// <summary>The report as indented JSON (camelCase; shares per bin and per family included).</summary>
    public string ToJson() => JsonSerializer.Serialize(new
    {
        dataset = Dataset,
        resolution = Resolution,
        referenceImages = ReferenceCount,
        generatedImages = GeneratedCount,
        k = K,
        bins = Generated.Bins.Bins,
        alpha = Alpha,
        duplicateThreshold = DuplicateThreshold,
        classifierAccuracy = ClassifierAccuracy is { } a && double.IsFinite(a) ? a : (double?)null,
        seconds = Math.Round(Elapsed.TotalSeconds, 2),
        generated = Json(Generated),
        realVsReal = Json(RealVsReal),
        palettes = Palettes is not { } pc ? null : new { generated = pc.Generated, realVsReal = pc.RealVsReal, of = pc.Of },
        edgeWidth = Edges is not { } e ? null : new { generated = Finite(e.Generated), realVsReal = Finite(e.RealVsReal) },
        like = Like is not { } l ? null : new { pictures = l.Pictures, perPicture = l.PerPicture, nearer = l.Nearer, copies = l.Copies },
        pretrained = Pretrained is not { } p ? null : new
        {
            fd = p.FdGenerated,
            fdRealVsReal = p.FdRealVsReal,
            kid = p.KidGenerated.Value,
            kidStandardError = p.KidGenerated.StandardError,
            kidRealVsReal = p.KidRealVsReal.Value,
            kidRealVsRealStandardError = p.KidRealVsReal.StandardError,
        },
    }, JsonOptions);

    private static double? Finite(double value) => double.IsFinite(value) ? value : null;

    private static object Json(MetricSet m) => new
    {
        precision = m.Precision,
        recall = m.Recall,
        binCoverage = m.Bins.Coverage,
        ndb = m.Bins.StatisticallyDifferent,
        ndbRatio = m.Bins.DifferentRatio,
        binsOccupied = m.Bins.Occupied,
        duplicateRate = m.DuplicateRate,
        binShares = m.Bins.FakeShares,
        families = m.Families is not { } f ? null : new
        {
            labels = f.Labels,
            realShares = f.RealShares,
            shares = f.FakeShares,
            covered = f.Covered,
            count = f.Families,
            klRealToGenerated = f.KlRealToFake,
        },
    };
}
