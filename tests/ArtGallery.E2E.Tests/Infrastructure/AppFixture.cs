using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ArtGallery.E2E.Tests.Infrastructure;

/// <summary>Hosts the real app on a loopback Kestrel port with a fresh data folder, plus one shared headless Chromium.</summary>
public sealed class AppFixture : IAsyncLifetime
{
    /// <summary>The admin password the app is configured with.</summary>
    public const string AdminPassword = "e2e-Admin-Passw0rd!";

    private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), "artgallery-e2e-" + Guid.NewGuid().ToString("N"));
    private WebApplicationFactory<Program>? factory;
    private IPlaywright? playwright;

    /// <summary>Root URL of the running app, e.g. http://127.0.0.1:40123.</summary>
    public Uri BaseUrl { get; private set; } = new("http://127.0.0.1/");

    /// <summary>The one browser shared by all tests; each test opens its own context.</summary>
    public IBrowser Browser { get; private set; } = null!;

    /// <summary>The .agmodel the app starts with as its active model.</summary>
    public string ModelPath { get; private set; } = "";

    /// <summary>The running app's services (to compare what a page shows with what the engine makes).</summary>
    public IServiceProvider Services => factory?.Services ?? throw new InvalidOperationException("The app has not started.");

    /// <summary>A new isolated context the size of a phone (375 x 812, touch), rooted at the app's URL.</summary>
    public Task<IBrowserContext> NewPhoneContextAsync() => Browser.NewContextAsync(new BrowserNewContextOptions
    {
        BaseURL = BaseUrl.ToString(),
        ViewportSize = new ViewportSize { Width = 375, Height = 812 },
        IsMobile = true,
        HasTouch = true,
        AcceptDownloads = true,
    });

    /// <summary>Folder where page screenshots are saved as test artifacts.</summary>
    public string ScreenshotDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "artifacts", "screenshots");

    /// <summary>Starts the app and the browser.</summary>
    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(this.dataDirectory);
        Directory.CreateDirectory(ScreenshotDirectory);
        ModelPath = TestModel.Ensure(this.dataDirectory + "-work", Console.WriteLine);
        factory = new ConfiguredFactory(this.dataDirectory, ModelPath);
        // Port 0: Kestrel picks a free port, so parallel CI jobs never collide.
        factory.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        var addresses = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>();
        var address = addresses?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("Kestrel reported no listening address.");
        BaseUrl = new Uri(address.TrimEnd('/') + "/");

        if (!File.Exists(BrowserSettings.ExecutablePath))
            throw new InvalidOperationException(
                $"No Chromium at {BrowserSettings.ExecutablePath}: run `apt-get install -y chromium` (scripts/test.sh does) or set ARTGALLERY_CHROMIUM.");
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(BrowserSettings.LaunchOptions());
    }

    /// <summary>A new isolated browser context (own cookies) rooted at the app's URL.</summary>
    public Task<IBrowserContext> NewContextAsync() => Browser.NewContextAsync(new BrowserNewContextOptions
    {
        BaseURL = BaseUrl.ToString(),
        ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        AcceptDownloads = true,
    });

    /// <summary>Stops the browser and the app and removes the data folder.</summary>
    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        playwright?.Dispose();
        if (factory is not null) await factory.DisposeAsync();
        foreach (var dir in new[] { this.dataDirectory, this.dataDirectory + "-work" })
        {
            try { if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true); }
            catch (IOException) { /* a file still held open must not fail the run */ }
        }
    }

    private sealed class ConfiguredFactory(string dataDirectory, string modelPath) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            // Host settings are visible to Program.cs while the builder runs, unlike late app configuration.
            builder.UseSetting("ArtGallery:DataDirectory", dataDirectory);
            builder.UseSetting("ArtGallery:AdminPassword", AdminPassword);
            builder.UseSetting("ArtGallery:DefaultModelPath", modelPath);
            builder.UseSetting("ArtGallery:Device", "cpu");
            // Open pages notice a sign-out elsewhere within 2 s (30 s in production), so the journey needs no long wait.
            builder.UseSetting("ArtGallery:SessionCheckSeconds", "2");
            // Every journey signs in or up from 127.0.0.1: more than the production 20 a minute once the suite grew. The
            // limiter itself is tested in Web.Tests (RateLimitTests, SignInHostileTests).
            builder.UseSetting("ArtGallery:LoginAttemptsPerMinute", "10000");
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Warning");
        }
    }
}
