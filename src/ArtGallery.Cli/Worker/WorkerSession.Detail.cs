using ArtGallery.Contracts;
using ArtGallery.Contracts.Worker;
using ArtGallery.Detail;
using ArtGallery.Detail.Training;
using ArtGallery.Imaging;
using SixLabors.ImageSharp;

namespace ArtGallery.Cli.Worker;

/// <summary>The detail command (docs/CONTRACTS.md, "Training worker"): calibrate and train a generator's detail model,
/// write LR | output | HR strips as it goes, and save the model atomically only when the budget was spent (stop saves nothing).</summary>
public sealed partial class WorkerSession
{
    /// <summary>Steps between sample strips when the budget is in minutes.</summary>
    public const int DetailSampleEvery = 50;

    private int RunDetail(WorkerCommand command, CancellationTokenSource stopping)
    {
        if (command.Generator is null || command.Dataset is null || command.Output is null || command.Samples is null)
        {
            Emit(new WorkerEvent(WorkerProtocol.Error, Message: "detail needs generator, dataset, output and samples."));
            return 2;
        }
        var options = new DetailTrainingOptions
        {
            Minutes = command.Minutes ?? 10,
            Steps = command.Steps,
            Threads = command.Threads ?? 0,
            SampleEvery = command.Steps is int steps ? Math.Clamp(steps / 4, 1, DetailSampleEvery) : DetailSampleEvery,
        }.Validated();
        Directory.CreateDirectory(command.Samples);
        Emit(new WorkerEvent(WorkerProtocol.Started, Pid: Environment.ProcessId));
        StartListening(stopping);
        DetailModel model;
        try
        {
            model = DetailJob.Train(command.Generator, command.Dataset, options,
                fit => log.WriteLine($"artgallery worker: calibrated {fit.Profile} (spectrum error {fit.Error:0.0000}, clean {fit.CleanError:0.0000})"),
                new Reporter<DetailProgress>(p => ReportDetail(p, command.Samples)), stopping.Token);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            return DetailStopped(); // stopped while calibrating or painting the first images
        }
        using var trained = model;
        if (stopping.IsCancellationRequested) return DetailStopped();
        trained.Save(command.Output);
        Emit(new WorkerEvent(WorkerProtocol.Finished, Path: command.Output, Status: JobStatus.Finished, ModelId: trained.Info.GeneratorModelId,
            Message: FormattableString.Invariant(
                $"Detail model {trained.Id} saved: {trained.Info.Steps} steps in {trained.Info.Minutes:0.0} min, L1 {trained.Info.FinalLoss:0.0000}.")));
        return 0;
    }

    private int DetailStopped()
    {
        Emit(new WorkerEvent(WorkerProtocol.Finished, Status: JobStatus.Stopped, Message: "Detail training stopped; nothing was saved."));
        return 0;
    }

    private void ReportDetail(DetailProgress p, string samples)
    {
        string? strip = null;
        if (p.Strip is { } s)
        {
            strip = Path.Combine(samples, $"strip-{p.Step:D7}.png");
            using var image = PlanarRgb.ToImage(s.Chw, s.Width, s.Height);
            AtomicFile.Write(strip, image.SaveAsPng);
        }
        Emit(new WorkerEvent(WorkerProtocol.Progress, Detail: new DetailReport(p.Step, p.Elapsed, p.Fraction, p.Loss, p.BicubicLoss, p.SkippedSteps, p.EtaSeconds)));
        if (strip is not null) Emit(new WorkerEvent(WorkerProtocol.Sample, Path: strip, Step: p.Step));
        FaultPoint.Reach(FaultPoint.DetailProgress, p.Step.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
