using System.Text.Json;

namespace ArtGallery.Metrics.Tests;

public class EvaluatorTests
{
    private const int Res = 32;

    [Fact]
    public void Evaluate_EmptyDataset_ThrowsWithClearMessage()
    {
        var empty = new ListDataset([], Res, "empty-folder");
        var ex = Assert.Throws<MetricsException>(() => Evaluator.Evaluate(empty, [], Res));
        Assert.Contains("'empty-folder' is empty", ex.Message);
        Assert.Throws<MetricsException>(() => Evaluator.Evaluate(empty, n => throw new InvalidOperationException("must not generate"), Res));
    }

    [Fact]
    public void Evaluate_GeneratedImagesOfWrongResolution_ThrowsArgumentException()
    {
        var real = new ConstructedDataset(80);
        var wrong = new ConstructedDataset(40).ReadAll(16);
        var ex = Assert.Throws<ArgumentException>(() => Evaluator.Evaluate(real, wrong, Res, new EvaluationOptions { Bins = 10 }));
        Assert.Contains("at 32 px", ex.Message);
    }

    [Fact]
    public void Evaluate_TooSmallDataset_ThrowsSayingHowManyNeeded()
    {
        var tiny = new ConstructedDataset(10);
        var ex = Assert.Throws<MetricsException>(() => Evaluator.Evaluate(tiny, tiny.ReadAll(Res), Res));
        Assert.Contains("at least 40", ex.Message);
    }

    [Trait("Category","Slow")]
    [Fact]
    public void Evaluate_FreshSampleVersusCollapsed_CollapseScoresWorse()
    {
        var real = new ConstructedDataset(400);
        var classifier = FamilyClassifier.Train(new ConstructedDataset(240, seed: 7), Res);
        var options = new EvaluationOptions { FamilyClassifier = classifier };
        int n = Evaluator.GeneratedCountFor(real, options);
        Assert.Equal(200, n);

        var good = Evaluator.Evaluate(real, count => new ConstructedDataset(count, seed: 3).ReadAll(Res), Res, options);
        var fresh = new ConstructedDataset(n, seed: 4).ReadAll(Res);
        var bad = Evaluator.Evaluate(real, TestData.Collapsed(fresh, n), Res, options);

        Assert.True(good.Generated.Recall > 0.5 && good.Generated.Bins.Coverage >= 0.8, good.ToTable());
        Assert.True(good.Generated.Families!.Covered == 8 && good.Generated.Families.KlRealToFake < 0.1, good.ToTable());
        Assert.True(bad.Generated.Recall < 0.1, bad.ToTable());
        Assert.True(bad.Generated.Bins.Coverage < 0.5, bad.ToTable());
        Assert.True(bad.Generated.DuplicateRate > 0.9, bad.ToTable());
        Assert.True(bad.Generated.Families!.Covered <= 4 && bad.Generated.Families.KlRealToFake > 0.5, bad.ToTable());
        Assert.True(bad.Palettes!.Generated < good.Palettes!.Generated, bad.ToTable());
        Assert.Equal(64, good.Palettes.Of);
        // The ceiling depends on the real data only, not on what is evaluated.
        Assert.Equal(good.RealVsReal.Recall, bad.RealVsReal.Recall);
    }

    [Fact]
    public void ToJsonAndToTable_ContainEveryMetricForBothSides()
    {
        var real = new ConstructedDataset(120);
        var report = Evaluator.Evaluate(real, new ConstructedDataset(60, seed: 1).ReadAll(Res), Res, new EvaluationOptions { Bins = 10 });
        using var doc = JsonDocument.Parse(report.ToJson());
        foreach (var side in new[] { "generated", "realVsReal" })
        {
            var m = doc.RootElement.GetProperty(side);
            foreach (var key in new[] { "precision", "recall", "binCoverage", "ndb", "duplicateRate" })
                Assert.True(m.TryGetProperty(key, out _), $"{side}.{key} missing");
        }
        Assert.Equal(60, doc.RootElement.GetProperty("referenceImages").GetInt32());
        var palettes = doc.RootElement.GetProperty("palettes");
        Assert.Equal(report.Palettes!.Generated, palettes.GetProperty("generated").GetInt32());
        Assert.Equal(60, palettes.GetProperty("of").GetInt32());
        Assert.Equal(report.Edges!.Generated, doc.RootElement.GetProperty("edgeWidth").GetProperty("generated").GetDouble(), 6);
        string table = report.ToTable();
        Assert.Contains("edge width, 10-90 % (px)", table);
        Assert.Contains("recall (k=3)", table);
        Assert.Contains("real-vs-real", table);
        Assert.Contains("distinct palettes (of 60)", table);
        Assert.DoesNotContain("families covered", table); // no classifier given
    }

    [Fact]
    public void Evaluate_SoftenedPictures_ReportWiderEdgesThanTheReals()
    {
        var real = new ConstructedDataset(120);
        var options = new EvaluationOptions { Bins = 10 };
        var fresh = new ConstructedDataset(60, seed: 1).ReadAll(Res);
        var crisp = Evaluator.Evaluate(real, fresh, Res, options).Edges!;
        var soft = Evaluator.Evaluate(real, [.. fresh.Select(Softened)], Res, options).Edges!;
        Assert.True(Math.Abs(crisp.Generated - crisp.RealVsReal) < 0.5 * crisp.RealVsReal, $"crisp {crisp}");
        Assert.True(soft.Generated > 1.3 * crisp.Generated && soft.Generated > 1.3 * soft.RealVsReal, $"softened {soft}, crisp {crisp}");
        Assert.Equal(crisp.RealVsReal, soft.RealVsReal);
    }

    // A 3-tap box blur along rows and then columns, clamped at the borders.
    private static float[] Softened(float[] chw)
    {
        float[] Pass(float[] src, bool rows)
        {
            var dst = new float[src.Length];
            for (int c = 0; c < 3; c++)
                for (int y = 0; y < Res; y++)
                    for (int x = 0; x < Res; x++)
                    {
                        float At(int d) => rows ? src[(c * Res + y) * Res + Math.Clamp(x + d, 0, Res - 1)] : src[(c * Res + Math.Clamp(y + d, 0, Res - 1)) * Res + x];
                        dst[(c * Res + y) * Res + x] = (At(-1) + At(0) + At(1)) / 3;
                    }
            return dst;
        }
        return Pass(Pass(chw, true), false);
    }

    [Trait("Category","Slow")]
    [Fact]
    public void ToTable_ValuesWiderThanTheirColumn_StillSeparated()
    {
        var real = new ConstructedDataset(40);
        var report = Evaluator.Evaluate(real, new ConstructedDataset(20, seed: 1).ReadAll(Res), Res, new EvaluationOptions { Bins = 4 }) with
        {
            // A collapsed 128 px run's KID x1000 was 2195906.48±209385.71: wider than the column, it ran into the next.
            Pretrained = new PretrainedDistances(8175, 576, new KernelDistanceResult(2195.90648, 209.38571), new KernelDistanceResult(1.01424, 8.39287)),
        };
        var line = report.ToTable().Split('\n').Single(l => l.StartsWith("KID", StringComparison.Ordinal));
        Assert.Contains("2195906.48±209385.71 1014.24±8392.87", line);
    }
}
