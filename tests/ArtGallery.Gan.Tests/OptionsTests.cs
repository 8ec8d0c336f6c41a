using ArtGallery.Gan.Training;

namespace ArtGallery.Gan.Tests;

[Collection("Sequential")]
public sealed class OptionsTests
{
    [Fact]
    public void ToJson_RoundTrip_PreservesEveryValue()
    {
        var options = new TrainingOptions { Recipe = GanRecipe.Dcgan, MaxResolution = 64, Loss = GanLoss.WganGp, AdaTarget = null, Minutes = 3, Widths = new() { [4] = 8 } };
        var back = TrainingOptions.FromJson(options.ToJson());
        Assert.Equal(options.ToJson(), back.ToJson());
        Assert.Contains("\"WganGp\"", options.ToJson());
        Assert.Equal(8, back.WidthAt(32));
    }

    [Theory]
    [InlineData(48)]
    [InlineData(2048)]
    public void Validate_BadResolution_Throws(int resolution) =>
        Assert.Throws<ArgumentException>(() => GanRecipes.Validate(new TrainingOptions { MaxResolution = resolution }));

    [Fact]
    public void Validate_UnknownAugmentationOrDevice_Throws()
    {
        Assert.Throws<ArgumentException>(() => GanRecipes.Validate(new TrainingOptions { AugmentPolicy = "color,blur" }));
        Assert.Throws<ArgumentException>(() => GanRecipes.Validate(new TrainingOptions { Device = "tpu" }));
        Assert.Throws<ArgumentException>(() => GanRecipes.Validate(new TrainingOptions { Recipe = GanRecipe.Dcgan, MaxResolution = 8 }));
    }

    [Fact]
    public void Defaults_RecipeSpecific_LearningRateBetasEmaAndR1()
    {
        var progan = new TrainingOptions();
        var seed = new TrainingOptions { Recipe = GanRecipe.Dcgan };
        Assert.Equal((0.002, 0.0, 0.99), (progan.EffectiveLearningRate, progan.Betas.Beta1, progan.Betas.Beta2));
        Assert.Equal((0.0002, 0.5, 0.999), (seed.EffectiveLearningRate, seed.Betas.Beta1, seed.Betas.Beta2));
        Assert.Equal(5, progan.EmaHalfLifeAt(32));
        Assert.Equal(0, seed.EmaHalfLifeAt(32));
        Assert.Equal(0.0002 * 64 * 64 / 16, progan.R1GammaAt(64), 9);
        Assert.Equal((16, 16, 8), (progan.BatchAt(4), progan.BatchAt(128), progan.BatchAt(256)));
        Assert.Equal((32, 32), (seed.BatchAt(16), seed.BatchAt(256))); // the baseline keeps its batch whatever progan's table says
    }

    [Fact]
    public void PhaseSchedule_ProGan_StabiliseThenFadeInAndStabilisePerDoubling()
    {
        var schedule = new PhaseSchedule(new TrainingOptions { MaxResolution = 16, KimgPerPhase = 1 });
        Assert.Equal(5, schedule.PhaseCount);
        Assert.Equal(5000, schedule.TotalImages);
        Assert.Equal(new PhaseInfo(0, "stabilise", 4, 1), schedule.At(999));
        Assert.Equal(new PhaseInfo(1, "fade-in", 8, 0.25), schedule.At(1250));
        Assert.Equal(new PhaseInfo(2, "stabilise", 8, 1), schedule.At(2000));
        Assert.Equal(16, schedule.At(9999).Resolution);
        var seed = new PhaseSchedule(new TrainingOptions { Recipe = GanRecipe.Dcgan, MaxResolution = 16, KimgPerPhase = 1 });
        Assert.Equal(new PhaseInfo(0, "train", 16, 1), seed.At(0));
        Assert.Equal(5000, seed.TotalImages);
    }

    [Fact]
    public void PhaseSchedule_FinalKimg_LengthensOnlyTheLastPhase()
    {
        var schedule = new PhaseSchedule(new TrainingOptions { MaxResolution = 16, KimgPerPhase = 1, FinalKimg = 10 });
        Assert.Equal(14000, schedule.TotalImages);
        Assert.Equal(new PhaseInfo(3, "fade-in", 16, 0.5), schedule.At(3500));
        Assert.Equal(new PhaseInfo(4, "stabilise", 16, 1), schedule.At(4000));
        Assert.Equal(new PhaseInfo(4, "stabilise", 16, 1), schedule.At(13999));
        Assert.Equal(14000, new PhaseSchedule(new TrainingOptions { Recipe = GanRecipe.Dcgan, MaxResolution = 16, KimgPerPhase = 1, FinalKimg = 10 }).TotalImages);
        Assert.Equal(2500, new PhaseSchedule(new TrainingOptions { MaxResolution = 4, KimgPerPhase = 1, FinalKimg = 2.5 }).TotalImages);
        Assert.Throws<ArgumentException>(() => GanRecipes.Validate(new TrainingOptions { FinalKimg = 0 }));
    }

    [Fact]
    public void DeviceSelector_CpuMachine_PicksCpuAndRefusesCuda()
    {
        Assert.Equal(TorchSharp.DeviceType.CPU, DeviceSelector.Pick("cpu").type);
        var auto = DeviceSelector.Pick("auto");
        Assert.Equal(TorchSharp.torch.cuda.is_available() ? TorchSharp.DeviceType.CUDA : TorchSharp.DeviceType.CPU, auto.type);
        if (!TorchSharp.torch.cuda.is_available()) Assert.Throws<InvalidOperationException>(() => DeviceSelector.Pick("cuda"));
        Assert.Throws<ArgumentException>(() => DeviceSelector.Pick("gpu"));
    }
}
