using System.Net;
using ArtGallery.Data;
using ArtGallery.Web.Accounts;
using ArtGallery.Web.Tests.Infrastructure;
using ArtGallery.Web.Training;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace ArtGallery.Web.Tests.Auth;

/// <summary>
/// Issue 24 N7 (issue 23 "revalidating provider"): open Blazor circuits and hub connections end with their session. The
/// app runs with SessionCheckSeconds = 1 and a real LiteDB user; the session is ended the way a person ends it.
/// </summary>
[Collection("Sequential")]
public sealed class SessionEndTests : IAsyncLifetime
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);
    private readonly AppFactory app = new(AppFactory.NewDataDirectory(), null, new Dictionary<string, string> { ["ArtGallery:SessionCheckSeconds"] = "1" });

    public static TheoryData<string> Endings => new() { "sign-out elsewhere", "password change" };

    [Theory]
    [MemberData(nameof(Endings))]
    public async Task Circuit_SessionEndedElsewhere_BecomesAnonymousWithinTheInterval(string ending)
    {
        var (db, accounts) = (app.Services.GetRequiredService<ArtGalleryDatabase>(), app.Services.GetRequiredService<AccountService>());
        using var scope = app.Services.CreateScope(); // one circuit's services
        var provider = scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>();
        Assert.IsType<SessionRevalidator>(provider);
        var admin = accounts.PrincipalFor(db.FindUser("admin")!);
        var ended = new TaskCompletionSource<AuthenticationState>(TaskCreationOptions.RunContinuationsAsynchronously);
        provider.AuthenticationStateChanged += async next => ended.TrySetResult(await next);
        ((IHostEnvironmentAuthenticationStateProvider)provider).SetAuthenticationState(Task.FromResult(new AuthenticationState(admin)));
        Assert.True(SessionValidation.IsCurrent(db, admin)); // the predicate the provider asks: true while the stamp is the user's

        ended = new TaskCompletionSource<AuthenticationState>(TaskCreationOptions.RunContinuationsAsynchronously); // past the set-state event
        await EndAdminSession(ending);

        Assert.False(SessionValidation.IsCurrent(db, admin));
        var state = await ended.Task.WaitAsync(Bound);
        Assert.False(state.User.Identity?.IsAuthenticated);
        Assert.False(state.User.IsAdmin()); // every admin action's AdminCheck now refuses
        Assert.False((await provider.GetAuthenticationStateAsync()).User.IsAdmin());
    }

    [Theory]
    [MemberData(nameof(Endings))]
    public async Task HubConnection_SessionEndedElsewhere_IsClosedAndItsCallsRefused(string ending)
    {
        var cookie = await Session.CookieAsync(app, "admin", AppFactory.AdminPassword);
        await using var hub = AuthorizationTests.HubFor(app, cookie);
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.Closed += _ => { closed.TrySetResult(); return Task.CompletedTask; };
        await hub.StartAsync();
        Assert.Null(await hub.InvokeAsync<TrainingProgressDto?>(nameof(TrainingHub.Current))); // works while the session lives

        await EndAdminSession(ending);

        await Assert.ThrowsAnyAsync<Exception>(() => hub.InvokeAsync<TrainingProgressDto?>(nameof(TrainingHub.Current)));
        await closed.Task.WaitAsync(Bound);
        Assert.Equal(HubConnectionState.Disconnected, hub.State);
        // Reconnecting with the old cookie is refused too.
        await using var again = AuthorizationTests.HubFor(app, cookie);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Assert.ThrowsAnyAsync<HttpRequestException>(() => again.StartAsync())).StatusCode);
    }

    [Fact]
    public async Task HubSweep_EndsOnlyTheEndedSessions()
    {
        var db = app.Services.GetRequiredService<ArtGalleryDatabase>();
        Assert.Null(app.Services.GetRequiredService<AccountService>().Register("second", "second-Pass-1", Roles.Admin, out _));
        await using var ending = AuthorizationTests.HubFor(app, await Session.CookieAsync(app, "admin", AppFactory.AdminPassword));
        await using var staying = AuthorizationTests.HubFor(app, await Session.CookieAsync(app, "second", "second-Pass-1"));
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        ending.Closed += _ => { closed.TrySetResult(); return Task.CompletedTask; };
        await ending.StartAsync();
        await staying.StartAsync();
        // A call is dispatched only after the server's OnConnected: both connections are watched from here on.
        Assert.Null(await ending.InvokeAsync<TrainingProgressDto?>(nameof(TrainingHub.Current)));
        Assert.Null(await staying.InvokeAsync<TrainingProgressDto?>(nameof(TrainingHub.Current)));
        var sessions = app.Services.GetRequiredService<HubSessions>();
        Assert.Equal(2, sessions.Count);

        db.RotateSecurityStamp(db.FindUser("admin")!.Id);
        sessions.Sweep(); // the periodic sweep's work, run here instead of waiting for its tick

        await closed.Task.WaitAsync(Bound);
        Assert.Equal(HubConnectionState.Connected, staying.State);
        Assert.Null(await staying.InvokeAsync<TrainingProgressDto?>(nameof(TrainingHub.Current)));
        Assert.Equal(1, sessions.Count);
    }

    // Sign-out from another browser (the form's POST rotates the stamp), or a password change.
    private async Task EndAdminSession(string ending)
    {
        if (ending == "sign-out elsewhere")
        {
            var elsewhere = await Session.AdminAsync(app);
            Assert.Equal(HttpStatusCode.Redirect, (await Session.SignOutAsync(elsewhere)).StatusCode);
            return;
        }
        var db = app.Services.GetRequiredService<ArtGalleryDatabase>();
        Assert.Null(app.Services.GetRequiredService<AccountService>().ChangePassword(db.FindUser("admin")!.Id, "changed-Pass-789"));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await app.DisposeAsync();
}
