using System.Net;
using System.Net.Http.Json;
using ArtGallery.Web.Tests.Auth;
using ArtGallery.Web.Tests.Infrastructure;
using ArtGallery.Web.Training;
using Microsoft.AspNetCore.SignalR.Client;

namespace ArtGallery.Web.Tests.Training;

[Collection("Sequential")]
public sealed class TrainingHubTests(TinyModel model) : IAsyncLifetime
{
    private readonly AppFactory app = new(AppFactory.NewDataDirectory(), model.ModelPath);

    [Trait("Category","Slow")]
    [Fact]
    public async Task Hub_AdminDuringTinyRun_ReceivesProgressAndSamples()
    {
        var cookie = await Session.CookieAsync(app, "admin", AppFactory.AdminPassword);
        await using var hub = AuthorizationTests.HubFor(app, cookie);
        var samples = new List<SampleDto>();
        var progress = new List<TrainingProgressDto>();
        var gotSample = new TaskCompletionSource();
        hub.On<SampleDto>(nameof(ITrainingClient.Sample), s => { lock (samples) samples.Add(s); gotSample.TrySetResult(); });
        // Read as raw JSON too, to see the field names on the wire (one handler: the client dispatches to the first only).
        var raw = new List<System.Text.Json.JsonElement>();
        var web = new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web)
        {
            NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
        };
        hub.On<System.Text.Json.JsonElement>(nameof(ITrainingClient.Progress), p =>
        {
            lock (raw) raw.Add(p);
            lock (progress) progress.Add(System.Text.Json.JsonSerializer.Deserialize<TrainingProgressDto>(p, web)!);
        });
        await hub.StartAsync();

        var admin = await Session.AdminAsync(app);
        var start = await admin.PostAsJsonAsync("/api/training/start",
            new TrainingRequest { Dataset = "builtin:abstract", MaxResolution = 8, KimgPerPhase = 0.2, Minutes = 1 });
        Assert.Equal(HttpStatusCode.Accepted, start.StatusCode);
        await gotSample.Task.WaitAsync(TimeSpan.FromSeconds(120));
        var status = await admin.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/training/status");
        await admin.PostAsync("/api/training/stop", null);
        // The dropped-update count reaches the status API and the hub message (0: no Scalar race any more).
        Assert.Equal(0, status.GetProperty("current").GetProperty("skippedUpdates").GetInt64());
        lock (raw) Assert.All(raw, p => Assert.Equal(0, p.GetProperty("skippedUpdates").GetInt64()));
        lock (raw) Assert.NotEmpty(raw);

        SampleDto first;
        lock (samples) first = samples[0];
        var png = await admin.GetAsync(first.Url);
        Assert.Equal(HttpStatusCode.OK, png.StatusCode);
        Assert.Equal("image/png", png.Content.Headers.ContentType?.MediaType);
        lock (progress) Assert.Contains(progress, p => p.Kimg > 0 && p.RunId == first.RunId);
        var current = await hub.InvokeAsync<TrainingProgressDto?>(nameof(TrainingHub.Current));
        Assert.NotNull(current);
    }

    [Fact]
    public async Task Start_InvalidResolution_Returns400()
    {
        var admin = await Session.AdminAsync(app);
        var response = await admin.PostAsJsonAsync("/api/training/start", new TrainingRequest { MaxResolution = 12 });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("resolution", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await app.DisposeAsync();
}
