using ArtGallery.Data;
using ArtGallery.Web.Infrastructure;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.Extensions.Options;

namespace ArtGallery.Web.Accounts;

/// <summary>
/// The authentication state of a Blazor circuit, re-checked every <c>SessionCheckSeconds</c> (30) against the user's
/// security stamp: a circuit keeps the principal it started with, so without this an open admin page kept admin rights
/// after that admin signed out everywhere or changed password. When the stamp no longer matches, the circuit's user
/// becomes anonymous (every admin action's <see cref="AdminCheck"/> refuses) and <c>SessionWatch</c> reloads the page,
/// which the cookie check sends to sign-in.
/// </summary>
public sealed class SessionRevalidator(ILoggerFactory logs, ArtGalleryDatabase db, IOptions<ArtGalleryOptions> options)
    : RevalidatingServerAuthenticationStateProvider(logs)
{
    /// <inheritdoc />
    protected override TimeSpan RevalidationInterval => TimeSpan.FromSeconds(options.Value.SessionCheckSeconds);

    /// <inheritdoc />
    protected override Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken) =>
        Task.FromResult(SessionValidation.IsCurrent(db, authenticationState.User));
}
