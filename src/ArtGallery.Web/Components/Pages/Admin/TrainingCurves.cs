using System.Globalization;
using ArtGallery.Gan.Training;

namespace ArtGallery.Web.Components.Pages.Admin;

/// <summary>One chart's data: x labels in kimg and named series of y values (null where not measured).</summary>
public sealed record CurveChart(string Title, IReadOnlyList<string> KimgLabels, IReadOnlyList<(string Name, IReadOnlyList<double?> Values)> Series)
{
    /// <summary>A round y tick spacing giving about four ticks over the values (the chart's default of 20 flattens a loss near 1;
    /// MudChart's ticks are whole numbers, so 1 at least).</summary>
    public int YTick
    {
        get
        {
            var values = Series.SelectMany(s => s.Values).OfType<double>().ToList();
            double span = values.Count == 0 ? 1 : Math.Max(values.Max(), 0) - Math.Min(values.Min(), 0);
            return (int)Math.Max(1, Math.Ceiling(TrainingCurves.NiceStep(span / 4)));
        }
    }
}

/// <summary>Turns a run's progress points into the training page's four charts over kimg.</summary>
public static class TrainingCurves
{
    /// <summary>X labels drawn at most (the others are left blank so they do not overlap).</summary>
    public const int MaxLabels = 6;

    /// <summary>Loss D / G, images per second, diversity and augmentation probability, all over kimg.</summary>
    public static IReadOnlyList<CurveChart> Charts(IReadOnlyList<ProgressPoint> points)
    {
        var labels = Labels(points);
        return
        [
            new("Loss D / G", labels, [("D", Values(points, p => p.LossD)), ("G", Values(points, p => p.LossG))]),
            new("Images/s", labels, [("img/s", Values(points, p => p.ImagesPerSecond))]),
            new("Diversity", labels, [("diversity", Values(points, p => p.Diversity))]),
            new("Augmentation p", labels, [("p", Values(points, p => p.AugmentP))]),
        ];
    }

    /// <summary>kimg of every point, blank except about <see cref="MaxLabels"/> evenly spaced ones (always the last).</summary>
    public static IReadOnlyList<string> Labels(IReadOnlyList<ProgressPoint> points)
    {
        int every = Math.Max(1, (int)Math.Ceiling(points.Count / (double)MaxLabels));
        return points.Select((p, i) => i % every == 0 || i == points.Count - 1 ? p.Kimg.ToString("0.#", CultureInfo.InvariantCulture) : "").ToList();
    }

    /// <summary>1, 2 or 5 times a power of ten, at least <paramref name="raw"/>.</summary>
    public static double NiceStep(double raw)
    {
        if (!(raw > 0) || !double.IsFinite(raw)) return 1;
        double power = Math.Pow(10, Math.Floor(Math.Log10(raw))), f = raw / power;
        return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * power;
    }

    // Non-finite values (a diverging run's NaN loss) become gaps instead of breaking the chart's scale.
    private static IReadOnlyList<double?> Values(IReadOnlyList<ProgressPoint> points, Func<ProgressPoint, double?> pick) =>
        points.Select(p => pick(p) is { } v && double.IsFinite(v) ? v : (double?)null).ToList();
}
