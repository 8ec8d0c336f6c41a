using ArtGallery.Gan.Sampling;
using ArtGallery.Imaging;

namespace ArtGallery.Web.Rendering;

/// <summary>
/// Makes every explorer slider equally strong: the code distance of one slider step is chosen per direction so that the
/// slider's end (3 steps) changes the pictures by <see cref="TargetChange"/> on average. In raw standard deviations PC 1
/// replaced the picture (84/255 at +3) while the attribute directions barely moved it (5-10/255): BENCHMARKS.md, "Explore".
/// Also names what each direction measurably does ("darker ↔ brighter"), from the attributes of the edited pictures.
/// </summary>
public static class SliderCalibration
{
    /// <summary>Mean absolute pixel change (0..255, averaged over seeds) a slider reaches at 3 steps, at its weaker end, on the
    /// calibration's seeds. Other seeds land up to ~10 below it where a direction saturates at one end (the conditioned model
    /// with hashed seeds, PC 7 at -3: 38 at a target of 46, 40 at 50, 41 at 52; shuffled, every end is 46-64), so it sits above
    /// what a visible change needs and well below the 70 where an edit replaces the picture.</summary>
    public const double TargetChange = 50;

    /// <summary>Seeds the calibration averages over (fixed, so a model always calibrates the same way).</summary>
    public const int Seeds = 16;

    private const int Iterations = 4;
    private const double Tolerance = 2;
    private const long SeedBase = 2_000_000;
    private const double NameThreshold = 0.35;

    // Each attribute's words for its low and high end.
    private static readonly (string Low, string High)[] Words =
        [("darker", "brighter"), ("cooler", "warmer"), ("softer", "more contrast"), ("calmer", "busier")];

    /// <summary>The calibrated steps (code distance per slider step), the words for each direction's two ends and the
    /// typical length of a code (edits reach at most that far, see <see cref="LatentDirections.OffsetFor"/>).</summary>
    public sealed record Result(Dictionary<string, double> Steps, Dictionary<string, string[]> Ends, double CodeNorm);

    /// <summary>Calibrates every direction of <paramref name="vectors"/> (unit vectors); heavy, call on a render worker.</summary>
    public static Result Calibrate(ArtGenerator g, IReadOnlyDictionary<string, float[]> vectors, IReadOnlyDictionary<string, double> stdDevs)
    {
        var latents = Enumerable.Range(0, Seeds).Select(i => g.LatentFor(SeedBase + i)).ToList();
        double codeNorm = g.CodesFor(latents).Average(c => (double)System.Numerics.Tensors.TensorPrimitives.Norm(c));
        // A slider's end never reaches far past the code's own length: further, the edit replaces the picture.
        double maxStep = LatentDirections.MaxSingleReach * codeNorm / ArtworkEdits.MaxSigma;
        var plain = g.RenderBatch(latents);
        var plainAttributes = plain.Select(img => Attributes(img, g.Resolution)).ToList();
        var spread = Enumerable.Range(0, Words.Length).Select(k => Math.Max(StdDev(plainAttributes.Select(a => a[k])), 1e-6)).ToArray();
        var steps = new Dictionary<string, double>();
        var ends = new Dictionary<string, string[]>();
        foreach (var (name, vector) in vectors)
        {
            // Start from the old unit (one standard deviation) and correct multiplicatively: the change grows about
            // linearly with the distance until it saturates, so a few rounds land within a few percent.
            double step = Math.Min(stdDevs.GetValueOrDefault(name, 1), maxStep);
            float[][] low = [], high = [];
            for (int i = 0; i < Iterations; i++)
            {
                (low, high) = (Edited(g, latents, vector, -3 * step), Edited(g, latents, vector, 3 * step));
                double change = Math.Min(MeanChange(plain, low), MeanChange(plain, high));
                if (Math.Abs(change - TargetChange) < Tolerance) break;
                double next = Math.Min(step * Math.Clamp(TargetChange / Math.Max(change, 1e-3), 0.25, 4), maxStep);
                if (next == step) break;
                step = next;
            }
            steps[name] = step;
            ends[name] = Describe(low, high, g.Resolution, spread);
        }
        return new Result(steps, ends, codeNorm);
    }

    /// <summary>Mean absolute difference of two sets of CHW [-1, 1] images, in 0..255 units.</summary>
    public static double MeanChange(IReadOnlyList<float[]> a, IReadOnlyList<float[]> b) =>
        a.Zip(b).Average(p => MeanAbs(p.First, p.Second)) * 127.5;

    private static double MeanAbs(float[] a, float[] b)
    {
        double sum = 0;
        for (int i = 0; i < a.Length; i++) sum += Math.Abs(a[i] - b[i]);
        return sum / a.Length;
    }

    private static float[][] Edited(ArtGenerator g, IReadOnlyList<float[]> latents, float[] vector, double distance)
    {
        var offset = new float[vector.Length];
        System.Numerics.Tensors.TensorPrimitives.Multiply(vector, (float)distance, offset);
        return g.RenderBatch(latents, 1f, offset);
    }

    // Words for the low and high end: the attributes that move most (in units of their spread over plain pictures).
    private static string[] Describe(float[][] low, float[][] high, int resolution, double[] spread)
    {
        var lowMean = MeanAttributes(low, resolution);
        var highMean = MeanAttributes(high, resolution);
        var moves = Enumerable.Range(0, Words.Length).Select(k => (k, z: (highMean[k] - lowMean[k]) / spread[k]))
            .Where(m => Math.Abs(m.z) >= NameThreshold).OrderByDescending(m => Math.Abs(m.z)).Take(2).ToList();
        if (moves.Count == 0) return ["", ""];
        string End(bool highEnd) => string.Join(", ", moves.Select(m => m.z > 0 == highEnd ? Words[m.k].High : Words[m.k].Low));
        return [End(false), End(true)];
    }

    private static double[] MeanAttributes(float[][] images, int resolution)
    {
        var sum = new double[Words.Length];
        foreach (var img in images)
        {
            var a = Attributes(img, resolution);
            for (int k = 0; k < sum.Length; k++) sum[k] += a[k] / images.Length;
        }
        return sum;
    }

    private static double[] Attributes(float[] chw, int resolution)
    {
        var a = ImageAttributes.Measure(chw, resolution);
        return [a.Brightness, a.Warmth, a.Contrast, a.Complexity];
    }

    private static double StdDev(IEnumerable<double> values)
    {
        var list = values.ToList();
        double mean = list.Average();
        return Math.Sqrt(list.Average(v => (v - mean) * (v - mean)));
    }
}
