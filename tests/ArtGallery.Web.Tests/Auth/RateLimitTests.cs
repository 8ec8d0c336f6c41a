using System.Net;
using ArtGallery.Web.Tests.Infrastructure;

namespace ArtGallery.Web.Tests.Auth;

public sealed class RateLimitTests
{
    [Fact]
    public async Task SignIn_PastLimit_RedirectsToThrottledMessage()
    {
        await using var app = new AppFactory(AppFactory.NewDataDirectory(), null,
            new Dictionary<string, string> { ["ArtGallery:LoginAttemptsPerMinute"] = "3" });
        var client = Session.Client(app);
        var codes = new List<HttpStatusCode>();
        for (int i = 0; i < 5; i++) codes.Add((await Session.PostFormAsync(client, "/account/login", "/account/signin", "admin", "wrong-" + i)).StatusCode);
        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.SeeOther, HttpStatusCode.SeeOther], codes);
    }

    [Fact]
    public async Task Gallery_NoModel_ShowsEmptyState()
    {
        await using var app = new AppFactory(AppFactory.NewDataDirectory(), null);
        var html = await app.CreateClient().GetStringAsync("/");
        Assert.Contains("No model yet: train one on the Training page", html);
    }

    [Fact]
    public async Task Start_BadDeviceSetting_FailsFastWithClearMessage()
    {
        await using var app = new AppFactory(AppFactory.NewDataDirectory(), null,
            new Dictionary<string, string> { ["ArtGallery:Device"] = "gpu" });
        var error = await app.StartFailure();
        Assert.Contains("ArtGallery:Device must be auto, cpu or cuda", error.ToString());
    }
}
