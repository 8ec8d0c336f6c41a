using Microsoft.Playwright;

namespace ArtGallery.E2E.Tests.Infrastructure;

/// <summary>Launch settings for Debian's Chromium (Playwright's own browser downloads are unavailable here).</summary>
public static class BrowserSettings
{
    /// <summary>Path of the system Chromium; overridable with ARTGALLERY_CHROMIUM.</summary>
    public static string ExecutablePath =>
        Environment.GetEnvironmentVariable("ARTGALLERY_CHROMIUM") is { Length: > 0 } p ? p : "/usr/bin/chromium";

    /// <summary>Headless launch options verified with Debian 12's Chromium.</summary>
    public static BrowserTypeLaunchOptions LaunchOptions() => new()
    {
        ExecutablePath = ExecutablePath,
        Headless = true,
        Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        Timeout = 60_000,
    };
}
