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

    [Fact]
    public async Task UserAndAdminApis_BadInput_Are4xxNever500()
    {
        // One host and one sign-in each for all cases: each case is a single request.
        var failures = new List<string>();
        var user = await Session.UserAsync(app);
        foreach (var (method, url, json) in Cases(UserRequests)) await Expect4xx(user, method, url, json, failures);
        var admin = await Session.AdminAsync(app);
        foreach (var (method, url, json) in Cases(AdminRequests)) await Expect4xx(admin, method, url, json, failures);
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static IEnumerable<(string, string, string?)> Cases(TheoryData<string, string, string?> data) =>
        data.Select(row => ((string)row[0], (string)row[1], (string?)row[2]));

    private static async Task Expect4xx(HttpClient client, string method, string url, string? json, List<string> failures)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (json is not null) request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        var what = $"{method} {url[..Math.Min(80, url.Length)]} {json}: {(int)response.StatusCode} {body[..Math.Min(200, body.Length)]}";
        if ((int)response.StatusCode is < 400 or >= 500) failures.Add(what);
        else if (response.StatusCode == HttpStatusCode.BadRequest && body.Length > 0 && response.Content.Headers.ContentType?.MediaType != "application/problem+json")
            failures.Add("not ProblemDetails: " + what);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await app.DisposeAsync();
}
