using ArtGallery.Detail.Training;

namespace ArtGallery.Cli.Commands;

/// <summary>artgallery detail calibrate: a trained detail model made to serve another generator, without training.</summary>
public sealed class DetailCalibrateCommand : ICliCommand
{
    public string Verb => "detail calibrate";
    public string Usage => "detail calibrate --detail FILE.agdetail --for RUNDIR|MODEL --out FILE.agdetail [--data builtin:abstract|PATH] [--threads T]";

    public int Run(CliArgs args, CliContext context)
    {
        string detail = args.Required("detail");
        string generatorPath = args.Required("for");
        string output = args.Required("out");
        string data = args.Optional("data") ?? "builtin:abstract";
        TorchSharp.torch.set_num_threads(args.Int("threads", 2, 1, 256));
        args.EnsureAllUsed();
        if (!File.Exists(detail)) throw new CliException($"--detail '{detail}' does not exist (give a .agdetail file)");
        if (!Directory.Exists(generatorPath) && !File.Exists(generatorPath))
            throw new CliException($"--for '{generatorPath}' does not exist (give a run folder, a .agck checkpoint or a .agmodel file)");
        using var model = DetailJob.Recalibrate(detail, generatorPath, data, fit =>
        {
            context.Out.WriteLine($"calibrated: {fit.Profile} (spectrum error {fit.Error:0.0000}, clean {fit.CleanError:0.0000})");
            context.Out.WriteLine(fit.Table());
        }, context.Cancel);
        if (Path.GetDirectoryName(Path.GetFullPath(output)) is { } dir) Directory.CreateDirectory(dir);
        model.Save(output);
        context.Out.WriteLine($"saved detail model {model.Id} for generator {model.Info.GeneratorModelId} to {output}");
        return 0;
    }
}
