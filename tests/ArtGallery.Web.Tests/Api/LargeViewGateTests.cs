using System.Net;
using ArtGallery.Imaging;
using ArtGallery.Web.Infrastructure;
using ArtGallery.Web.Rendering;
using ArtGallery.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ArtGallery.Web.Tests.Api;

/// <summary>
/// Issue 24 N11: large views wait in a bounded line of their own, never on the render worker, so a crowd of them cannot
/// starve the gallery. The gate is held open by the test (no timing): what waits, what is refused, what is served.
/// </summary>
[Collection("Sequential")]
public sealed class LargeViewGateTests(TinyModel model)
{
    [Fact]
    public async Task Gate_RunsAtMostItsPermits_QueuesItsLine_RefusesTheRest()
    {
        var gate = new LargeViewQueue(Options.Create(new ArtGalleryOptions { LargeViewConcurrency = 2, LargeViewQueueCapacity = 3 }));
        var release = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        int running = 0, most = 0;
        async Task<int> Work()
        {
            int now = Interlocked.Increment(ref running);
            lock (gate) most = Math.Max(most, now);
            try { return await release.Task; }
            finally { Interlocked.Decrement(ref running); }
        }
        var admitted = Enumerable.Range(0, 5).Select(_ => gate.RunAsync(Work, CancellationToken.None)).ToList();
        Assert.Equal((2, 5), (gate.Running, gate.InFlight)); // two run, three wait in line

        var refused = await Assert.ThrowsAsync<QueueFullException>(() => gate.RunAsync(Work, CancellationToken.None));
        Assert.Equal("Large view queue full", refused.Title);

        release.SetResult(7);
        Assert.All(await Task.WhenAll(admitted), r => Assert.Equal(7, r));
        Assert.Equal(2, most);
        Assert.Equal((0, 0), (gate.Running, gate.InFlight));
    }

    [Fact]
    public async Task LargeViewsQueued_GalleryRendersStillServed_ThenTheLargeViewsComplete()
    {
        await using var app = new AppFactory(AppFactory.NewDataDirectory(), model.ModelPath,
            new Dictionary<string, string> { ["ArtGallery:LargeViewConcurrency"] = "1", ["ArtGallery:LargeViewQueueCapacity"] = "8" });
        var client = app.CreateClient();
        var gate = app.Services.GetRequiredService<LargeViewQueue>();
        var renderer = app.Services.GetRequiredService<IArtRenderer>();
        var renders = app.Services.GetRequiredService<RenderQueue>();

        // The one slot is taken (as by a large view in its detail pass), and 8 anonymous large views wait behind it.
        var hold = new TaskCompletionSource<byte[]>(TaskCreationOptions.RunContinuationsAsynchronously);
        var holder = gate.RunAsync(() => hold.Task, CancellationToken.None);
        var waiting = Enumerable.Range(100, 8).Select(seed => renderer.LargePngAsync(new ArtworkRequest(model.ModelId, seed, 1f, ArtworkEdits.None))).ToList();
        Assert.Equal((1, 9), (gate.Running, gate.InFlight));

        // A 17th visitor is told to come back, in words.
        var refused = await client.GetAsync($"/api/artworks/{model.ModelId}/200.png?view=large");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("5", refused.Headers.RetryAfter?.ToString());
        Assert.Contains("Too many large views are being rendered", await refused.Content.ReadAsStringAsync());

        // The gallery is served meanwhile: the queued large views hold no render worker.
        Assert.Equal(0, renders.Pending);
        foreach (var seed in Enumerable.Range(1, 16))
        {
            var png = await client.GetAsync($"/api/artworks/{model.ModelId}/{seed}.png");
            Assert.Equal(HttpStatusCode.OK, png.StatusCode);
        }
        Assert.All(waiting, w => Assert.False(w.IsCompleted));

        hold.SetResult([]);
        await holder;
        foreach (var png in await Task.WhenAll(waiting))
            Assert.Equal((32, 32), (PngInspector.Read(png).Width, PngInspector.Read(png).Height)); // 4x the 8 px model
        Assert.Equal(0, gate.InFlight);
    }
}
