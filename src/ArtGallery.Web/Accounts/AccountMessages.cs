namespace ArtGallery.Web.Accounts;

/// <summary>Error codes carried in the form redirect (never free text, so a link cannot put words in the app's mouth).</summary>
public static class AccountMessages
{
    /// <summary>Wrong user name or password.</summary>
    public const string Invalid = "invalid";

    /// <summary>Malformed user name.</summary>
    public const string BadName = "name";

    /// <summary>Password too short or long.</summary>
    public const string BadPassword = "password";

    /// <summary>User name in use.</summary>
    public const string Taken = "taken";

    /// <summary>Too many sign-in or registration attempts.</summary>
    public const string Throttled = "throttled";

    /// <summary>An open page's session was ended elsewhere (sign-out everywhere, password change).</summary>
    public const string Ended = "ended";

    /// <summary>The message shown for a code; null for unknown codes.</summary>
    public static string? For(string? code) => code switch
    {
        Invalid => "Invalid user name or password.",
        BadName => $"User name must be 1-{AccountService.MaxNameLength} letters, digits, '-', '_' or '.' (not starting with '.', no '..', no device name such as CON).",
        BadPassword => $"Password must be {AccountService.MinPasswordLength}-{AccountService.MaxPasswordLength} characters.",
        Taken => "That user name is taken.",
        Throttled => "Too many attempts; wait a minute and try again.",
        Ended => "Your session has ended (signed out everywhere or password changed); sign in again.",
        _ => null,
    };
}
