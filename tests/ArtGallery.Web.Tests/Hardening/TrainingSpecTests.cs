using System.Net;
using System.Net.Http.Json;
using ArtGallery.Web.Tests.Infrastructure;
using ArtGallery.Web.Training;

namespace ArtGallery.Web.Tests.Hardening;

/// <summary>Issue 15: the training API parses builtin:abstract options with the CLI's parser (no silent drop, no count=-1).</summary>
public sealed class TrainingSpecTests
{
    [Theory]
    [InlineData("builtin:abstract?count=-1")]
    [InlineData("builtin:abstract?count=5&bogus=1")]
    [InlineData("builtin:abstractly")]
    public async Task Start_BadBuiltinSpec_400WithTheParsersMessage(string spec)
    {
        await using var app = new AppFactory(AppFactory.NewDataDirectory(), null);
        var admin = await Session.AdminAsync(app);
        var response = await admin.PostAsJsonAsync("/api/training/start", new TrainingRequest { Dataset = spec, MaxResolution = 8, KimgPerPhase = 0.05, Minutes = 1 });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("builtin:abstract", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task DatasetSpec_BuiltinOptions_Kept()
    {
        await using var app = new AppFactory(AppFactory.NewDataDirectory(), null);
        var runs = (RunPlanner)app.Services.GetService(typeof(RunPlanner))!;
        Assert.Equal("builtin:abstract?count=64&seed=3", runs.DatasetSpec("builtin:abstract?count=64&seed=3"));
        Assert.Null(runs.DatasetSpec("builtin:abstract?count=-1"));
    }
}
