using System.Globalization;
using ArtGallery.Contracts;

namespace ArtGallery.Gan.Training;

/// <summary>One point of a run's curves (a line of progress.csv).</summary>
public sealed record ProgressPoint(double Kimg, double LossD, double LossG, double ImagesPerSecond, double AugmentP, double? Diversity)
{
    /// <summary>The point of a progress report.</summary>
    public static ProgressPoint From(TrainingProgress p) => new(p.Kimg, p.LossD, p.LossG, p.ImagesPerSecond, p.AugmentP, p.Diversity);

    /// <summary>kimg,lossD,lossG,img/s,augmentP,diversity (empty when not measured yet).</summary>
    public string ToCsv() => string.Join(',', new[] { Kimg, LossD, LossG, ImagesPerSecond, AugmentP }
        .Select(v => v.ToString("R", CultureInfo.InvariantCulture))) + "," + (Diversity?.ToString("R", CultureInfo.InvariantCulture) ?? "");

    /// <summary>Parses a line; null when it is not one (a torn last line after a crash).</summary>
    public static ProgressPoint? TryParse(string line)
    {
        var f = line.Split(',');
        if (f.Length != 6) return null;
        var v = new double[5];
        for (int i = 0; i < 5; i++)
            if (!double.TryParse(f[i], NumberStyles.Float, CultureInfo.InvariantCulture, out v[i])) return null;
        double? diversity = double.TryParse(f[5], NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null;
        return new ProgressPoint(v[0], v[1], v[2], v[3], v[4], diversity);
    }
}
