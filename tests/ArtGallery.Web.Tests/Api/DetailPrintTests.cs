using System.Net;
using ArtGallery.Detail;
using ArtGallery.Detail.Training;
using ArtGallery.Imaging;
using ArtGallery.Web.Rendering;
using ArtGallery.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ArtGallery.Web.Tests.Api;

/// <summary>Prints and the large view through a real detail model (trained here for a few steps) next to the tiny generator.</summary>
[Collection("Sequential")]
public sealed class DetailPrintTests : IAsyncLifetime
{
    private readonly TinyModel model;
    private readonly string folder = Path.Combine(Path.GetTempPath(), "ag-web-tests", "detail-" + Guid.NewGuid().ToString("N"));
    private readonly string modelPath;
    private readonly string detailId;

    public DetailPrintTests(TinyModel model)
    {
        this.model = model;
        Directory.CreateDirectory(folder);
        modelPath = Path.Combine(folder, "tiny.agmodel");
        File.Copy(model.ModelPath, modelPath);
        var options = new DetailTrainingOptions
        {
            GeneratorResolution = 8, Channels = 12, Blocks = 1, Batch = 2, CropSize = 32, Steps = 5, Threads = 1, Device = "cpu", PoolSize = 2,
        };
        using var detail = DetailTrainer.Train(options, new BuiltinHighResSource(3, 64, 96));
        detail.Save(DetailModel.PathFor(modelPath));
        detailId = detail.Id;
    }

    [Fact]
    public async Task Print_DefaultUpscaler_DetailModelNamedInTextAtExactSize()
    {
        await using var app = new AppFactory(AppFactory.NewDataDirectory(), modelPath);
        var response = await app.CreateClient().GetAsync("/api/artworks/active/7/print?size=2x2.5&dpi=40");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var info = PngInspector.Read(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal((80, 100), (info.Width, info.Height));
        Assert.Equal(40, info.Dpi!.Value, 0);
        Assert.Equal("detail", info.Text["Upscaler"]);
        Assert.StartsWith(detailId, info.Text["DetailModel"]);
    }

    [Fact]
    public async Task Print_LanczosOrNoDetailModel_TodaysPath()
    {
        await using var app = new AppFactory(AppFactory.NewDataDirectory(), modelPath);
        var lanczos = PngInspector.Read(await app.CreateClient().GetByteArrayAsync("/api/artworks/active/7/print?size=2x2.5&dpi=40&upscaler=lanczos"));
        Assert.Equal("lanczos", lanczos.Text["Upscaler"]);
        Assert.False(lanczos.Text.ContainsKey("DetailModel"));
        await using var bare = new AppFactory(AppFactory.NewDataDirectory(), model.ModelPath);
        var fallback = PngInspector.Read(await bare.CreateClient().GetByteArrayAsync("/api/artworks/active/7/print?size=2x2.5&dpi=40"));
        Assert.Equal("lanczos", fallback.Text["Upscaler"]);
    }

    [Theory]
    [InlineData("/api/artworks/active/7/print?upscaler=esrgan", "upscaler")]
    [InlineData("/api/artworks/active/7/print?upscaler=1", "upscaler")]
    [InlineData("/api/artworks/active/7.png?view=huge", "view")]
    public async Task BadUpscalerOrView_400WithMessage(string url, string word)
    {
        await using var app = new AppFactory(AppFactory.NewDataDirectory(), modelPath);
        var response = await app.CreateClient().GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(word, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task LargeView_FourTimesTheModelThroughTheDetailModel()
    {
        await using var app = new AppFactory(AppFactory.NewDataDirectory(), modelPath);
        var info = PngInspector.Read(await app.CreateClient().GetByteArrayAsync("/api/artworks/active/3.png?view=large"));
        Assert.Equal((32, 32), (info.Width, info.Height));
        Assert.Equal("detail", info.Text["Upscaler"]);
    }

    [Fact]
    public async Task Print_QueueFull_429WhileADetailPrintRenders()
    {
        await using var app = new AppFactory(AppFactory.NewDataDirectory(), modelPath,
            new Dictionary<string, string> { ["ArtGallery:PrintConcurrency"] = "1", ["ArtGallery:PrintQueueCapacity"] = "1" });
        var client = app.CreateClient();
        var queue = app.Services.GetRequiredService<PrintQueue>();
        // One rendering, one waiting: the queue is full until the first (a 16-megapixel detail print) is done.
        var first = client.GetAsync("/api/artworks/active/1/print?size=12x15&dpi=300");
        var second = client.GetAsync("/api/artworks/active/2/print?size=12x15&dpi=300");
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (queue.InFlight < 2 && !first.IsCompleted && DateTime.UtcNow < deadline) await Task.Delay(20);
        Assert.Equal(2, queue.InFlight);
        var third = await client.GetAsync("/api/artworks/active/3/print?size=12x15&dpi=300");
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await first).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await second).StatusCode);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        try { Directory.Delete(folder, true); } catch (IOException) { }
        return Task.CompletedTask;
    }
}
