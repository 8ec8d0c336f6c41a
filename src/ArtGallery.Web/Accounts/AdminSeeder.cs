using System.Security.Cryptography;
using ArtGallery.Data;
using ArtGallery.Web.Infrastructure;
using Microsoft.Extensions.Options;

namespace ArtGallery.Web.Accounts;

/// <summary>Creates the first admin ("admin") on first start: password from configuration, else a random one logged once.</summary>
public sealed partial class AdminSeeder(ArtGalleryDatabase db, AccountService accounts, IOptions<ArtGalleryOptions> options, ILogger<AdminSeeder> logger) : IHostedService
{
    /// <summary>The first admin's user name.</summary>
    public const string AdminName = "admin";

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        db.MarkInterruptedRunsResumable();
        if (db.FindUser(AdminName) is not null) return Task.CompletedTask;
        var configured = options.Value.AdminPassword;
        var password = string.IsNullOrEmpty(configured) ? RandomNumberGenerator.GetString("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789", 20) : configured;
        var error = accounts.Register(AdminName, password, Roles.Admin, out _);
        if (error is not null) throw new OptionsValidationException(ArtGalleryOptions.Section, typeof(ArtGalleryOptions),
            [$"ArtGallery:AdminPassword: {AccountMessages.For(error)}"]);
        // The generated password is the one secret ever logged, once, because nobody else can know it.
        if (string.IsNullOrEmpty(configured)) LogGenerated(logger, AdminName, password);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Created the first admin '{User}' with the generated password {Password} (shown once; set ArtGallery__AdminPassword to choose it)")]
    private static partial void LogGenerated(ILogger logger, string user, string password);
}
