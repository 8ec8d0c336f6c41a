using ArtGallery.Contracts;
using ArtGallery.Gan.Training;
using ArtGallery.Web.Accounts;
using ArtGallery.Web.Components.Shared;
using ArtGallery.Web.Datasets;
using ArtGallery.Web.Training;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace ArtGallery.Web.Components.Pages.Admin;

/// <summary>The training page: live state from the <see cref="JobMonitor"/>, runs and the last run's pictures from <see cref="RunsService"/>.</summary>
public partial class Training
{
    private const int RedrawMs = 250;

    [Inject] private TrainingService Service { get; set; } = default!;
    [Inject] private JobMonitor Monitor { get; set; } = default!;
    [Inject] private RunPlanner Planner { get; set; } = default!;
    [Inject] private ArtGallery.Web.Training.DetailJobs.DetailTargets DetailTargets { get; set; } = default!;
    [Inject] private RunsService Runs { get; set; } = default!;
    [Inject] private DatasetService Datasets { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private ArtGallery.Web.Rendering.ModelCatalog Catalog { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState>? Auth { get; set; }

    // The form fits the schedule to the minutes by default: a time-boxed run then reaches the size it was asked for.
    private readonly TrainingRequest request = new() { FitToBudget = true };
    private ArtGallery.Web.Training.Budget.TrainingSpeeds speeds = ArtGallery.Web.Training.Budget.TrainingSpeeds.Defaults;
    private double? budgetMinutes;
    private IReadOnlyList<(string Value, string Label)> datasets = [];
    private IReadOnlyList<RunSummary> runs = [];
    private IReadOnlyList<SampleDto> lastSamples = [];
    private IReadOnlyList<ProgressPoint> lastCurves = [];
    private string? lastRunId, problem;
    private JobStatus? seenStatus;
    private Data.TrainingRunRecord? resumable;
    private bool busy, pending, seenBusy;
    private long lastRender;
    private LiveSubscription? live;

    // Pause and Stop act on a run; a detail job has its own Stop on the detail panel.
    private bool RunBusy => Monitor.Job == JobKind.Run;

    // Buttons stay disabled in the prerendered page: a click before the circuit connects would be lost.
    private bool Live => RendererInfo.IsInteractive;

    // While a run trains the page shows it live; otherwise the newest run's grids and curves, read back from its folder.
    private IReadOnlyList<SampleDto> ShownSamples => RunBusy ? Monitor.Run.Samples : lastSamples;
    private IReadOnlyList<ProgressPoint> ShownCurves => RunBusy ? [.. Monitor.Run.History.Select(p => p.ToPoint())] : lastCurves;
    private string ChartCaption => RunBusy ? $"This run: {Monitor.Run.RunId}" : lastRunId is null ? "No run yet" : $"Last run: {lastRunId}";

    protected override void OnInitialized() => Refresh();

    protected override void OnAfterRender(bool firstRender)
    {
        if (firstRender) live = LiveSubscription.Start(h => Monitor.Changed += h, h => Monitor.Changed -= h, InvokeAsync, DispatchExceptionAsync, OnStateChanged);
    }

    private async Task OnStateChanged()
    {
        // Progress can arrive many times a second: redraw at most ~4 times a second, always once after the last event.
        if (pending) return;
        pending = true;
        long wait = RedrawMs - (Environment.TickCount64 - lastRender);
        if (wait > 0) await Task.Delay((int)wait);
        pending = false;
        lastRender = Environment.TickCount64;
        // Records and run folders are read only when the status changes, never per progress report.
        if (Monitor.Run.Status != seenStatus || Monitor.Busy != seenBusy) Refresh();
        StateHasChanged();
    }

    private void Refresh()
    {
        (seenStatus, seenBusy) = (Monitor.Run.Status, Monitor.Busy);
        datasets = Datasets.Choices();
        runs = Runs.Recent();
        resumable = Runs.Resumable();
        lastRunId = Runs.Latest()?.Id;
        speeds = Runs.Speeds();
        budgetMinutes = Monitor.Run.RunId is { } current ? Runs.BudgetMinutes(current) : null;
        (lastSamples, lastCurves) = lastRunId is null ? ([], []) : (Runs.Timeline(lastRunId), Runs.Curves(lastRunId));
    }

    private async Task Start()
    {
        var start = request.Copy();
        problem = Planner.Problem(start) ?? ArtGallery.Web.Training.Budget.TrainingPlan.Fit(start, speeds);
        if (problem is null) await Send(new TrainingCommand.Start(start));
    }

    private Task Resume() => resumable is { } run ? Send(new TrainingCommand.Resume(run.Id)) : Task.CompletedTask;

    private async Task Send(TrainingCommand command)
    {
        if (!await Auth.IsAdminAsync()) { problem = AdminCheck.Refusal; return; }
        problem = Service.Send(command) ? null : "Busy: try again in a moment.";
    }

    private async Task TrainDetail(string runId)
    {
        problem = await Auth.IsAdminAsync() ? await DetailTrainingPrompt.AskAndQueueAsync(runId, Dialogs, DetailTargets, Service) : AdminCheck.Refusal;
    }

    private async Task Extend(RunSummary run)
    {
        var dialog = await Dialogs.ShowAsync<ExtendRunDialog>("Extend this run",
            new DialogParameters<ExtendRunDialog> { { d => d.RunId, run.Run.Id }, { d => d.CurrentKimg, Runs.LastPhaseKimg(run.Run) } });
        if (await dialog.Result is { Canceled: false, Data: TrainingCommand.Extend extend }) await Send(extend);
    }

    private async Task Activate((string RunId, string Checkpoint) choice)
    {
        if (!await Auth.IsAdminAsync()) { problem = AdminCheck.Refusal; return; }
        // Everyone's gallery changes: show the run's latest samples beside the current pictures and ask first.
        var flow = new ModelSwitchFlow(Dialogs, Snackbar, Catalog);
        var grid = Runs.Timeline(choice.RunId).LastOrDefault();
        if (!await flow.ConfirmAsync($"checkpoint {choice.Checkpoint} of run {choice.RunId}", grid is null ? [] : [grid.Url],
                grid is null ? null : $"The run's latest sample grid (at {grid.Kimg:0.#} kimg).")) return;
        var previous = flow.Active?.Id;
        busy = true;
        try
        {
            var id = await Runs.ActivateAsync(choice.RunId, choice.Checkpoint);
            // The models panel follows the catalog's ActiveChanged itself.
            flow.Announce(id, previous);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or InvalidOperationException)
        {
            Snackbar.Add("Could not export: " + ex.Message, Severity.Error);
        }
        finally { busy = false; }
    }

    public void Dispose() => live?.Dispose();
}
