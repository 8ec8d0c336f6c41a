using System.Net;
using System.Net.Http.Json;
using System.Text;
using ArtGallery.Web.Tests.Infrastructure;

namespace ArtGallery.Web.Tests.Hardening;

/// <summary>10 MB query strings, headers and bodies against the real Kestrel (the in-process test server has no such limits).</summary>
[Trait("Category","Slow")]
[Collection("Sequential")]
public sealed class OversizedRequestTests(TinyModel model)
{
    private static readonly string TenMegabytes = new('a', 10 * 1024 * 1024);

    [Fact]
    public async Task TenMegabyteRequests_Answered4xxAndServerStaysUp()
    {
        await using var app = await ChildApp.StartAsync(AppFactory.NewDataDirectory(), model.ModelPath);
        var failures = new List<string>();
        async Task Expect4xx(string what, Func<HttpClient, Task<HttpResponseMessage>> send)
        {
            using var client = app.Client();
            try
            {
                var response = await send(client);
                if ((int)response.StatusCode is < 400 or > 499) failures.Add($"{what}: {(int)response.StatusCode}");
            }
            catch (HttpRequestException)
            {
                // Kestrel may answer and close before the client has sent everything; only a 5xx or a dead server fails.
            }
        }

        await Expect4xx("page query", c => c.GetAsync("/?q=" + TenMegabytes));
        await Expect4xx("artwork query", c => c.GetAsync("/api/artworks/active/1.png?edits=" + TenMegabytes));
        await Expect4xx("print query", c => c.GetAsync("/api/artworks/active/1/print?size=" + TenMegabytes));
        await Expect4xx("cookie header", c => c.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/") { Headers = { { "Cookie", "x=" + TenMegabytes } } }));
        await Expect4xx("sign-in form", c => c.PostAsync("/account/signin", new FormUrlEncodedContent(
            new Dictionary<string, string> { ["username"] = "admin", ["password"] = TenMegabytes })));
        var admin = await app.SignInAsync("admin", AppFactory.AdminPassword);
        var training = await admin.PostAsJsonAsync("/api/training/start", new { Dataset = TenMegabytes, MaxResolution = 8 });
        if ((int)training.StatusCode is < 400 or > 499) failures.Add($"training JSON body: {(int)training.StatusCode}");
        var favorite = await (await app.SignInAsync("big", "user-Pass-123", register: true))
            .PostAsync("/api/favorites/active/1?edits=" + Uri.EscapeDataString(TenMegabytes[..6000]), new StringContent(TenMegabytes, Encoding.UTF8));
        if ((int)favorite.StatusCode is < 400 or > 499) failures.Add($"favorite: {(int)favorite.StatusCode}");

        Assert.True(failures.Count == 0, string.Join("; ", failures) + "\n" + app.Output);
        using var probe = app.Client();
        Assert.Equal(HttpStatusCode.OK, (await probe.GetAsync("/api/artworks/active/1.png")).StatusCode);
        Assert.DoesNotContain("fail:", app.Output);
    }
}
