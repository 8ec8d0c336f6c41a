using System.Globalization;
using ArtGallery.Web.Accounts;
using ArtGallery.Web.Rendering;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.JSInterop;

namespace ArtGallery.Web.Components.Pages.Explore;

/// <summary>Explore page state: slider moves update the state at once; the image and URL follow at once after a pause, and at
/// most every 100 ms while a slider is dragged (the last value always shows).</summary>
public partial class Explore
{
    /// <summary>Side of the picture requested (it shows at up to about 640 px).</summary>
    public const int DisplaySide = 512;


    [SupplyParameterFromQuery(Name = "model")] private string? Model { get; set; }
    [SupplyParameterFromQuery(Name = "seed")] private string? Seed { get; set; }
    [SupplyParameterFromQuery(Name = "trunc")] private string? Trunc { get; set; }
    [SupplyParameterFromQuery(Name = "edits")] private string? Edits { get; set; }
    [SupplyParameterFromQuery(Name = "mix")] private string? Mix { get; set; }
    [SupplyParameterFromQuery(Name = "like")] private string? Like { get; set; }
    [SupplyParameterFromQuery(Name = "palette")] private string? Palette { get; set; }
    [CascadingParameter] private Task<AuthenticationState>? Auth { get; set; }

    private ArtworkRequest? current;
    private ArtworkRequest shown = default!;
    private string? error, notice, lastUrl;
    private LatentDirections? directions;
    private bool DirectionsReady => directions is not null;
    private bool? conditioned; // null until known: the palette control shows only for a conditioned model
    private readonly ChangeThrottle throttle = new(TimeSpan.FromMilliseconds(100), TimeProvider.System);
    private readonly CancellationTokenSource life = new();

    protected override async Task OnParametersSetAsync()
    {
        // Parsed here, not by the framework, so "?seed=abc" is a friendly message rather than an exception.
        if (!long.TryParse(Seed ?? "1", NumberStyles.Integer, CultureInfo.InvariantCulture, out long seed))
        {
            (current, error) = (null, $"seed must be an integer 0..{ArtworkRequest.MaxSeed}.");
            return;
        }
        var parsed = ArtworkParser.Parse(Catalog, Model, seed, Trunc, Edits, Mix, Like, Palette, out error, out _);
        if (parsed is not null && await Collections.ProblemWithAsync(parsed.ModelId, parsed.Condition, life.Token) is { } problem)
            (parsed, error) = (null, problem);
        current = parsed;
        if (current is not null) shown = current;
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender || current is null) return;
        try
        {
            conditioned = await Collections.CountAsync(current.ModelId, life.Token) is not null;
            StateHasChanged();
            directions = await Renderer.DirectionsAsync(current.ModelId, life.Token);
            StateHasChanged();
        }
        catch (OperationCanceledException) { /* page closed */ }
        catch (DirectionsUnavailableException ex)
        {
            // The artwork still renders; only the sliders cannot work.
            notice = ex.Message;
            StateHasChanged();
        }
    }

    private Task OnSlide((string Name, double Value) change)
    {
        if (current is null) return Task.CompletedTask;
        current = change.Name == SliderPanel.TruncationName
            ? current with { Truncation = (float)Math.Round(Math.Clamp(change.Value, ArtworkRequest.MinTruncation, ArtworkRequest.MaxTruncation), 2) }
            : current with { Edits = current.Edits.With(change.Name, change.Value) };
        return ShowLatest();
    }

    // Direction previews show what each slider does to this seed and truncation; other edits are left out so that moving one
    // slider does not re-render every preview.
    private ArtworkRequest? PreviewBase => DirectionsReady && current is not null ? current with { Edits = ArtworkEdits.None } : null;

    private Task OnSeed(long seed)
    {
        if (current is null || !ArtworkRequest.TryValidate(seed, current.Truncation, out _)) return Task.CompletedTask;
        current = current with { Seed = seed };
        return ShowLatest();
    }

    // The palette control (issue 21): the same seed and edits in a person's colours.
    private Task OnPalette(string palette)
    {
        if (current is null || !ArtGallery.Gan.Conditioning.PaletteText.TryParse(palette, out var colours, out _)) return Task.CompletedTask;
        current = current with { Condition = ArtworkCondition.Create(current.Condition?.Like, colours) };
        return ShowLatest();
    }

    private Task OwnColours()
    {
        current = current! with { Condition = ArtworkCondition.Create(current.Condition?.Like, null) };
        return ShowLatest();
    }

    private Task RandomSeed()
    {
        current = current! with { Seed = Random.Shared.Next(0, 1_000_000) };
        return ShowLatest();
    }

    private Task Reset()
    {
        current = current! with { Edits = ArtworkEdits.None, Truncation = 1f };
        return ShowLatest();
    }

    private async Task ShowLatest()
    {
        if (!await throttle.TurnAsync()) return;
        // The browser fetches the new src; the server renders it on a render worker, never on this circuit.
        shown = current!;
        StateHasChanged();
        lastUrl = $"/explore?model={shown.ModelId}&seed={shown.Seed}" + (shown.Query.Length > 0 ? "&" + shown.Query : "");
        // history.replaceState, not NavigateTo: with static routing that was an enhanced navigation, a GET of the whole
        // page for every settled move (11 in one visit).
        try { await Js.InvokeVoidAsync("artGallery.replaceUrl", life.Token, lastUrl); }
        catch (Exception ex) when (ex is JSDisconnectedException or OperationCanceledException) { /* page closed */ }
    }

    private async Task FavoriteThis()
    {
        var user = await Auth.UserIdAsync();
        if (user is null)
        {
            Nav.NavigateTo("/account/login?returnUrl=" + Uri.EscapeDataString(lastUrl ?? "/explore"), forceLoad: true);
            return;
        }
        Favorites.Add(user.Value, current!);
        notice = "Saved to your favorites.";
    }

    public void Dispose()
    {
        throttle.Dispose();
        life.Cancel();
        life.Dispose();
    }
}
