using System.Net;
using System.Text;
using ArtGallery.Web.Tests.Infrastructure;

namespace ArtGallery.Web.Tests.Hardening;

/// <summary>The JSON/API endpoints not covered by ArtworkApiTests, fed malformed and out-of-range values: 4xx, never 500.</summary>
[Collection("Sequential")]
public sealed class ApiBadInputTests(TinyModel model) : IAsyncLifetime
{
    private readonly AppFactory app = new(AppFactory.NewDataDirectory(), model.ModelPath);

    public static TheoryData<string, string, string?> UserRequests => new()
    {
        { "POST", "/api/favorites/active/-1", null },
        { "POST", "/api/favorites/active/99999999999999999999", null },
        { "POST", "/api/favorites/active/1?trunc=NaN", null },
        { "POST", "/api/favorites/active/1?trunc=abc", null },
        { "POST", "/api/favorites/active/1?trunc=1e39", null },
        { "POST", "/api/favorites/active/1?edits=%3Cscript%3E", null },
        { "POST", "/api/favorites/active/1?edits=pc1:1e308", null },
        { "POST", "/api/favorites/no-such-model/1", null },
        { "POST", "/api/favorites/" + new string('m', 5000) + "/1", null },
        { "DELETE", "/api/favorites/abc", null },
        { "DELETE", "/api/favorites/2147483648", null },
    };

    public static TheoryData<string, string, string?> AdminRequests => new()
    {
        { "POST", "/api/training/start", "{" },
        { "POST", "/api/training/start", "[]" },
        { "POST", "/api/training/start", "{\"maxResolution\":-1}" },
        { "POST", "/api/training/start", "{\"maxResolution\":\"big\"}" },
        { "POST", "/api/training/start", "{\"recipe\":\"evil\"}" },
        { "POST", "/api/training/start", "{\"minutes\":\"NaN\"}" },
        { "POST", "/api/training/start", "{\"kimgPerPhase\":1e308}" },
        { "POST", "/api/training/start", "{\"dataset\":\"../../etc\"}" },
        { "POST", "/api/training/start", "{\"dataset\":null}" },
        { "POST", "/api/training/resume/..%2F..%2Fetc", null },
        { "POST", "/api/training/runs/..%2F..%2F/activate", null },
        { "GET", "/api/training/runs/run-x/samples/..%2F..%2Fartgallery.db", null },
        { "GET", "/api/datasets/builtin/thumbs/-1.png", null },
        { "GET", "/api/datasets/builtin/thumbs/99999999999.png", null },
        { "GET", "/api/admin/backups/..%2Fartgallery.db", null },
        { "GET", "/api/admin/backups/artgallery-x.zip", null },
    };

    [Theory]
    [MemberData(nameof(UserRequests))]
    public async Task UserApi_BadInput_Is4xx(string method, string url, string? json) =>
        await Expect4xx(await Session.UserAsync(app), method, url, json);

    [Theory]
    [MemberData(nameof(AdminRequests))]
    public async Task AdminApi_BadInput_Is4xx(string method, string url, string? json) =>
        await Expect4xx(await Session.AdminAsync(app), method, url, json);

    private static async Task Expect4xx(HttpClient client, string method, string url, string? json)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (json is not null) request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode is >= 400 and < 500, $"{method} {url[..Math.Min(80, url.Length)]} {json}: {(int)response.StatusCode} {body[..Math.Min(300, body.Length)]}");
        if (response.StatusCode == HttpStatusCode.BadRequest && body.Length > 0)
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await app.DisposeAsync();
}
