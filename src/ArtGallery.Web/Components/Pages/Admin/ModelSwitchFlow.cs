using ArtGallery.Data;
using ArtGallery.Web.Rendering;
using MudBlazor;

namespace ArtGallery.Web.Components.Pages.Admin;

/// <summary>
/// The one way the admin page switches the gallery's model: a confirmation with both models' pictures first, then a
/// snackbar with Undo (the previous model made active again).
/// </summary>
public sealed class ModelSwitchFlow(IDialogService dialogs, ISnackbar snackbar, ModelCatalog catalog)
{
    /// <summary>Pictures shown for a gallery model: its first four artworks.</summary>
    public static IReadOnlyList<string> PicturesOf(string modelId) =>
        [.. new[] { 1, 2, 3, 4 }.Select(seed => new ArtworkRequest(modelId, seed, 1f, ArtworkEdits.None).DisplayUrl())];

    /// <summary>Asks before switching; true when the admin confirmed.</summary>
    public async Task<bool> ConfirmAsync(string candidateTitle, IReadOnlyList<string> candidatePictures, string? candidateNote = null)
    {
        var dialog = await dialogs.ShowAsync<ActivateDialog>("Make this the gallery's model?", new DialogParameters<ActivateDialog>
        {
            { d => d.Current, catalog.Active },
            { d => d.CandidateTitle, candidateTitle },
            { d => d.CandidatePictures, candidatePictures },
            { d => d.CandidateNote, candidateNote },
        }, new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true, CloseButton = true });
        return await dialog.Result is { Canceled: false };
    }

    /// <summary>Says the switch happened, with an Undo that makes <paramref name="previous"/> active again.</summary>
    public void Announce(string activeId, string? previous, Action? changed = null)
    {
        snackbar.Add($"Model {activeId} is now the gallery's model.", Severity.Success, options =>
        {
            if (previous is null || previous == activeId) return;
            options.Action = "Undo";
            options.ActionColor = Color.Primary;
            options.RequireInteraction = true;
            options.OnClick = _ =>
            {
                if (catalog.Activate(previous)) snackbar.Add($"The gallery shows model {previous} again.", Severity.Info);
                changed?.Invoke();
                return Task.CompletedTask;
            };
        });
    }

    /// <summary>The model active now (for "previous").</summary>
    public ModelRecord? Active => catalog.Active;
}
