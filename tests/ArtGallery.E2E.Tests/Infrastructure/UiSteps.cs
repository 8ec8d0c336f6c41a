using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace ArtGallery.E2E.Tests.Infrastructure;

/// <summary>Steps a person takes that several journeys share, written against the UI contract's labels.</summary>
public static class UiSteps
{
    /// <summary>Signs in through the static SSR form and waits until the app navigates away from it.</summary>
    public static async Task SignInAsync(IPage page, string userName, string password)
    {
        await page.GotoAsync("/account/login");
        await SubmitAccountFormAsync(page, userName, password, "Sign in");
    }

    /// <summary>Registers a new user; signs in afterwards when registration does not already do so.</summary>
    public static async Task RegisterAsync(IPage page, string userName, string password)
    {
        await page.GotoAsync("/account/register");
        await SubmitAccountFormAsync(page, userName, password, "Register");
        // Registration may sign the new user in or send them to the sign-in form; both are valid.
        if (await page.GetByRole(AriaRole.Link, new() { Name = "Sign in", Exact = true }).CountAsync() > 0)
            await SignInAsync(page, userName, password);
    }

    /// <summary>Picks an option in a labelled select, native or MudBlazor.</summary>
    public static async Task ChooseAsync(IPage page, string label, string option)
    {
        var field = page.GetByLabel(label, new() { Exact = true });
        var tag = await field.EvaluateAsync<string>("e => e.tagName");
        if (tag == "SELECT")
        {
            await field.SelectOptionAsync(new SelectOptionValue { Label = option });
            return;
        }
        await field.ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = option, Exact = true }).ClickAsync();
    }

    /// <summary>Replaces the text of a labelled input and commits it (change fires on blur).</summary>
    public static async Task FillAsync(IPage page, string label, string value)
    {
        var input = page.GetByLabel(label, new() { Exact = true });
        await input.FillAsync(value);
        await input.BlurAsync();
    }

    /// <summary>Opens the first gallery card and returns the artwork page's URL path.</summary>
    public static async Task<string> OpenFirstArtworkAsync(IPage page)
    {
        await page.GotoAsync("/");
        await page.Locator("[data-testid=artwork-card]").First.ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/art/[^/]+/-?\d+"), BrowserTest.CommittedOnly);
        return new Uri(page.Url).PathAndQuery;
    }

    /// <summary>Id and resolution of the active model, from GET /api/models.</summary>
    public static async Task<(string Id, int Resolution)> ActiveModelAsync(IPage page)
    {
        var response = await page.APIRequest.GetAsync("/api/models");
        using var json = System.Text.Json.JsonDocument.Parse(await response.TextAsync());
        var active = json.RootElement.EnumerateArray().First(m => m.GetProperty("active").GetBoolean());
        return (active.GetProperty("id").GetString()!, active.GetProperty("resolution").GetInt32());
    }

    private static async Task SubmitAccountFormAsync(IPage page, string userName, string password, string button)
    {
        var formPath = new Uri(page.Url).AbsolutePath;
        await page.GetByLabel("User name", new() { Exact = true }).FillAsync(userName);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();
        try
        {
            await page.WaitForURLAsync(url => new Uri(url).AbsolutePath != formPath, new() { Timeout = 20_000 });
        }
        catch (TimeoutException)
        {
            // Still on the form: the app's role="alert" says why, which beats a bare timeout.
            var alert = page.GetByRole(AriaRole.Alert);
            var why = await alert.CountAsync() > 0 ? await alert.First.InnerTextAsync() : "no alert shown";
            throw new InvalidOperationException($"{button} did not leave {formPath}: {why}");
        }
    }
}
