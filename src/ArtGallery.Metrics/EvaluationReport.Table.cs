using System.Globalization;
using System.Text;

namespace ArtGallery.Metrics;

/// <summary>Plain-text rendering of <see cref="EvaluationReport"/> for the terminal.</summary>
public sealed partial record EvaluationReport
{
    /// <summary>The report as an aligned text table: metric, generated value, real-vs-real ceiling.</summary>
    public string ToTable()
    {
        var s = new StringBuilder();
        s.AppendLine(Inv($"Evaluation on {Dataset} at {Resolution} px: {GeneratedCount} generated vs {ReferenceCount} real; ceiling = a disjoint real half of {ReferenceCount}."));
        s.AppendLine(Inv($"{"metric",-30} {"generated",11} {"real-vs-real",13}"));
        Row(s, $"precision (k={K})", Generated.Precision, RealVsReal.Precision, "F3");
        Row(s, $"recall (k={K})", Generated.Recall, RealVsReal.Recall, "F3");
        Row(s, $"bin coverage (K={Generated.Bins.Bins})", Generated.Bins.Coverage, RealVsReal.Bins.Coverage, "P1");
        Row(s, $"NDB/K (alpha={Alpha})", Generated.Bins.DifferentRatio, RealVsReal.Bins.DifferentRatio, "F2");
        Row(s, "bins occupied", Generated.Bins.Occupied, RealVsReal.Bins.Occupied, "P1");
        Row(s, "near-duplicate rate", Generated.DuplicateRate, RealVsReal.DuplicateRate, "P2");
        if (Palettes is { } pc)
            s.AppendLine(Inv($"{$"distinct palettes (of {pc.Of})",-30} {pc.Generated,11} {pc.RealVsReal,13}"));
        if (Edges is { } e)
            Row(s, "edge width, 10-90 % (px)", e.Generated, e.RealVsReal, "F2");
        if (Generated.Families is { } g && RealVsReal.Families is { } r)
        {
            s.AppendLine(Inv($"{"families covered",-30} {$"{g.Covered}/{g.Families}",11} {$"{r.Covered}/{r.Families}",13}"));
            Row(s, "family KL(real || generated)", g.KlRealToFake, r.KlRealToFake, "F3");
            for (int i = 0; i < g.Families; i++)
                Row(s, $"  share {g.Labels[i]}", g.FakeShares[i], g.RealShares[i], "P1");
            string accuracy = ClassifierAccuracy is { } a && double.IsFinite(a) ? a.ToString("P1", CultureInfo.InvariantCulture) : "unknown";
            s.AppendLine(Inv($"  (family shares: generated vs real reference; classifier held-out accuracy {accuracy})"));
        }
        if (Like is { } like)
        {
            s.AppendLine(Inv($"{"more like this: nearer than 95%",-30} {like.Nearer.ToString("P1", CultureInfo.InvariantCulture),11}"));
            s.AppendLine(Inv($"{"more like this: copies",-30} {like.Copies.ToString("P1", CultureInfo.InvariantCulture),11}"));
            s.AppendLine(Inv($"  ({like.Pictures} collection pictures x {like.PerPicture} samples; nearness in descriptor space)"));
        }
        if (Pretrained is { } p)
        {
            Row(s, "FD (ResNet-18 pool)", p.FdGenerated, p.FdRealVsReal, "F2");
            string generated = Inv($"{p.KidGenerated.Value * 1000:F2}±{p.KidGenerated.StandardError * 1000:F2}");
            string real = Inv($"{p.KidRealVsReal.Value * 1000:F2}±{p.KidRealVsReal.StandardError * 1000:F2}");
            s.AppendLine(Inv($"{"KID x1000 (ResNet-18 pool)",-30} {generated,11} {real,13}"));
            s.AppendLine("  (ImageNet features: a recipe whose D sees them can lower FD/KID without looking better; README)");
        }
        s.AppendLine(Inv($"{Elapsed.TotalSeconds:F1} s"));
        return s.ToString();
    }

    private static void Row(StringBuilder s, string name, double generated, double ceiling, string format)
        => s.AppendLine(Inv($"{name,-30} {generated.ToString(format, CultureInfo.InvariantCulture),11} {ceiling.ToString(format, CultureInfo.InvariantCulture),13}"));

    private static string Inv(FormattableString f) => f.ToString(CultureInfo.InvariantCulture);
}
