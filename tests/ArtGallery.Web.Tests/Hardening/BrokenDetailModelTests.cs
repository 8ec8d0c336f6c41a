using System.Net;
using ArtGallery.Imaging;
using ArtGallery.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace ArtGallery.Web.Tests.Hardening;

/// <summary>
/// Issue 24 N9: a detail model that cannot be loaded (a hostile 8192-channel header, garbage behind a valid checksum)
/// makes prints and large views fall back to Lanczos with a warning in the log: every time, never a cached 500.
/// </summary>
[Collection("Sequential")]
public sealed class BrokenDetailModelTests(TinyModel model) : IDisposable
{
    // The end every hostile header shares.
    private const string Tail = "\"TrainedOn\":\"x\",\"Steps\":1,\"Minutes\":1,\"FinalLoss\":0}";
    private readonly string folder = Path.Combine(Path.GetTempPath(), "ag-web-tests", "broken-detail-" + Guid.NewGuid().ToString("N"));

    [Theory]
    [InlineData("""{"GeneratorResolution":8,"Channels":8192,"Blocks":64,"Profile":{"BlurSigma":0.5,"Noise":0},""" + Tail, "8192 channels")]
    [InlineData("""{"GeneratorResolution":8,"Channels":12,"Blocks":1,"Profile":{"BlurSigma":0.5,"Noise":0},""" + Tail, "weights do not match")]
    public async Task UnloadableDetailModel_PrintsAndLargeViewsUseLanczosEveryTime(string header, string reason)
    {
        Directory.CreateDirectory(folder);
        var modelPath = Path.Combine(folder, "tiny.agmodel");
        File.Copy(model.ModelPath, modelPath);
        WriteDetail(Path.ChangeExtension(modelPath, ".agdetail"), header, new byte[100_000]);
        var logs = new CapturedLogs();
        await using var app = new AppFactory(AppFactory.NewDataDirectory(), modelPath, configure: b => b.ConfigureLogging(l => l.AddProvider(logs)));
        var client = app.CreateClient();

        foreach (var attempt in new[] { 1, 2 })
        {
            var print = await client.GetAsync($"/api/artworks/active/{attempt}/print?size=2x2.5&dpi=40");
            Assert.Equal(HttpStatusCode.OK, print.StatusCode);
            Assert.Equal("lanczos", PngInspector.Read(await print.Content.ReadAsByteArrayAsync()).Text["Upscaler"]);
            var large = await client.GetAsync($"/api/artworks/active/{attempt}.png?view=large");
            Assert.Equal(HttpStatusCode.OK, large.StatusCode);
            var info = PngInspector.Read(await large.Content.ReadAsByteArrayAsync());
            Assert.Equal((32, 32, "lanczos"), (info.Width, info.Height, info.Text["Upscaler"]));
        }
        Assert.Contains("prints and large views use Lanczos: damaged model file:", logs.Text);
        Assert.Contains(reason, logs.Text);
    }

    // The .agdetail layout: magic, payload length, SHA-256, payload (header string, weights): a valid checksum over nonsense.
    private static void WriteDetail(string path, string header, byte[] weights)
    {
        using var payload = new MemoryStream();
        using (var w = new BinaryWriter(payload, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            w.Write(header);
            w.Write(weights);
        }
        var bytes = payload.ToArray();
        using var file = new BinaryWriter(File.Create(path));
        file.Write("AGDT0001"u8);
        file.Write((long)bytes.Length);
        file.Write(System.Security.Cryptography.SHA256.HashData(bytes));
        file.Write(bytes);
    }

    public void Dispose()
    {
        try { Directory.Delete(folder, true); } catch (IOException) { }
    }
}
