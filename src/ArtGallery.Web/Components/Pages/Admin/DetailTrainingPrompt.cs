using ArtGallery.Web.Rendering;
using ArtGallery.Web.Training;
using ArtGallery.Web.Training.DetailJobs;
using MudBlazor;

namespace ArtGallery.Web.Components.Pages.Admin;

/// <summary>"Train detail model" for a run (its row in the run table) or for the active model (the detail panel): checks the
/// target at once, asks for the budget in a dialog, then queues the job. Returns what went wrong for the admin, or null.</summary>
public static class DetailTrainingPrompt
{
    public static async Task<string?> AskAndQueueAsync(string? runId, IDialogService dialogs, DetailTargets targets, TrainingService service)
    {
        var request = runId is null ? new DetailTrainingRequest { ModelId = ModelCatalog.ActiveAlias } : new DetailTrainingRequest { RunId = runId };
        // Checked before the dialog opens: a target that cannot have a detail model says why at once.
        if (Check(request, targets, service) is { } problem) return problem;
        var dialog = await dialogs.ShowAsync<DetailTrainDialog>("Train detail model", new DialogParameters<DetailTrainDialog>
            { { d => d.Target, runId ?? "the active model" }, { d => d.Request, request } });
        if (await dialog.Result is not { Canceled: false, Data: DetailTrainingRequest chosen }) return null;
        return Check(chosen, targets, service) ?? (service.Send(new TrainingCommand.Detail(chosen)) ? null : "Busy: try again in a moment.");
    }

    private static string? Check(DetailTrainingRequest request, DetailTargets targets, TrainingService service)
    {
        try { targets.Plan(request); }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException) { return e.Message; }
        return service.BusyReason;
    }
}
