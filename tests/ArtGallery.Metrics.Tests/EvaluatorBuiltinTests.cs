using ArtGallery.Imaging;

namespace ArtGallery.Metrics.Tests;

[Trait("Category","Slow")]
[Collection(BuiltinClassifierCollection.Name)]
public class EvaluatorBuiltinTests(BuiltinClassifierFixture fixture)
{
    private const int Res = BuiltinClassifierFixture.Resolution;

    [Fact]
    public void Evaluate_TwoFamiliesMissing_EveryCoverageMetricFallsBelowCeiling()
    {
        // The failure the project exists to catch: a model that never paints some kinds of picture.
        var real = new BuiltinAbstractDataset(600);
        var options = new EvaluationOptions { FamilyClassifier = fixture.Classifier };
        var pool = new BuiltinAbstractDataset(800, seed: 11);
        var sixFamilies = Enumerable.Range(0, pool.Count).Where(i => pool.LabelOf(i) < 6).Take(Evaluator.GeneratedCountFor(real, options))
            .Select(i => pool.ReadAll(Res, i, 1)[0]).ToList();

        var report = Evaluator.Evaluate(real, sixFamilies, Res, options);

        Assert.Equal(6, report.Generated.Families!.Covered);
        Assert.True(report.Generated.Families.KlRealToFake > 0.2, report.ToTable());
        Assert.True(report.Generated.Recall < report.RealVsReal.Recall - 0.05, report.ToTable());
        Assert.True(report.Generated.Bins.Coverage < report.RealVsReal.Bins.Coverage, report.ToTable());
    }

    [Fact]
    public void Evaluate_BlurredImages_PrecisionFallsWellBelowCeiling()
    {
        // GAN samples are often soft: the feature space must tell soft from crisp, not only layout and palette.
        var real = new BuiltinAbstractDataset(400);
        int n = Evaluator.GeneratedCountFor(real);
        var blurred = new BuiltinAbstractDataset(n, seed: 12).ReadAll(Res).Select(BoxBlur4).ToList();
        var report = Evaluator.Evaluate(real, blurred, Res);
        Assert.True(report.Generated.Precision < report.RealVsReal.Precision - 0.3, report.ToTable());
    }

    private static float[] BoxBlur4(float[] chw)
    {
        var o = new float[chw.Length];
        for (int c = 0; c < 3; c++)
            for (int y = 0; y < Res; y++)
                for (int x = 0; x < Res; x++)
                {
                    float s = 0;
                    for (int dy = 0; dy < 4; dy++)
                        for (int dx = 0; dx < 4; dx++) s += chw[c * Res * Res + (y / 4 * 4 + dy) * Res + x / 4 * 4 + dx];
                    o[c * Res * Res + y * Res + x] = s / 16;
                }
        return o;
    }
}
