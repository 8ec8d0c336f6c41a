using System.Collections.Concurrent;
using ArtGallery.Data;
using ArtGallery.Web.Infrastructure;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace ArtGallery.Web.Accounts;

/// <summary>
/// Hub connections end with their session. A SignalR connection keeps the principal it was opened with, so an open
/// <c>/hubs/training</c> connection kept receiving admin data after its admin signed out everywhere. This filter knows every
/// open connection, refuses calls on one whose security stamp is no longer its user's, and every
/// <c>SessionCheckSeconds</c> (30) aborts those connections even when they call nothing.
/// </summary>
public sealed partial class HubSessions(ArtGalleryDatabase db, IOptions<ArtGalleryOptions> options, ILogger<HubSessions> logger)
    : BackgroundService, IHubFilter
{
    private readonly ConcurrentDictionary<string, HubCallerContext> open = new();

    /// <summary>Connections being watched now.</summary>
    public int Count => open.Count;

    /// <inheritdoc />
    public Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        open[context.Context.ConnectionId] = context.Context;
        return next(context);
    }

    /// <inheritdoc />
    public Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        open.TryRemove(context.Context.ConnectionId, out _);
        return next(context, exception);
    }

    /// <inheritdoc />
    public ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        if (SessionValidation.IsCurrent(db, invocationContext.Context.User)) return next(invocationContext);
        End(invocationContext.Context);
        throw new HubException(AccountMessages.For(AccountMessages.Ended));
    }

    /// <summary>Aborts every open connection whose session has ended; returns how many.</summary>
    public int Sweep()
    {
        int ended = 0;
        foreach (var context in open.Values)
        {
            if (SessionValidation.IsCurrent(db, context.User)) continue;
            End(context);
            ended++;
        }
        return ended;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.SessionCheckSeconds));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try { Sweep(); }
            catch (Exception ex) when (ex is LiteDB.LiteException or ObjectDisposedException) { LogSweepFailed(logger, ex); }
        }
    }

    private void End(HubCallerContext context)
    {
        open.TryRemove(context.ConnectionId, out _);
        LogEnded(logger, context.UserIdentifier ?? "?", context.ConnectionId);
        context.Abort();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Closed hub connection {Connection} of user {User}: its session has ended")]
    private static partial void LogEnded(ILogger logger, string user, string connection);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The hub session sweep failed; it runs again at the next tick")]
    private static partial void LogSweepFailed(ILogger logger, Exception ex);
}
