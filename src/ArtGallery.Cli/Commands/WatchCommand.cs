using ArtGallery.Cli.Watch;

namespace ArtGallery.Cli.Commands;

/// <summary>artgallery watch URL: signs in to a running app and prints its training progress from /hubs/training, one line
/// per report, until the run (or detail job) it saw running ends.</summary>
public sealed class WatchCommand : ICliCommand, IHasArgument
{
    /// <summary>Where the password comes from unless --password-env names another variable (never the command line).</summary>
    public const string PasswordVariable = "ARTGALLERY_PASSWORD";

    public string Verb => "watch";
    public string Usage => $"watch URL [--user NAME] [--password-env VAR]   (an admin account; the password from ${PasswordVariable} or VAR)";

    public int Run(CliArgs args, CliContext context)
    {
        var url = args.Argument ?? throw new CliException("give the app's address, e.g. artgallery watch http://localhost:5080");
        string user = args.Optional("user") ?? "admin";
        string variable = args.Optional("password-env") ?? PasswordVariable;
        args.EnsureAllUsed();
        if (!Uri.TryCreate(url, UriKind.Absolute, out var site) || site.Scheme is not ("http" or "https"))
            throw new CliException($"'{url}' is not an http:// or https:// address");
        var password = Environment.GetEnvironmentVariable(variable);
        if (string.IsNullOrEmpty(password)) throw new CliException($"set ${variable} to the password of {user}");

        var cookies = SiteSignIn.SignInAsync(site, user, password, context.Cancel).GetAwaiter().GetResult();
        return new TrainingHubWatch(site, cookies, context.Out).RunAsync(context.Cancel).GetAwaiter().GetResult();
    }
}
