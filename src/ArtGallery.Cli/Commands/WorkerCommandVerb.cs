using ArtGallery.Cli.Worker;

namespace ArtGallery.Cli.Commands;

/// <summary>artgallery worker: one training run in its own process, driven by the web app over stdin/stdout JSON lines.</summary>
public sealed class WorkerCommandVerb : ICliCommand
{
    public string Verb => "worker";
    public string Usage => "worker   (JSON-line commands on stdin, events on stdout: see docs/CONTRACTS.md)";

    public int Run(CliArgs args, CliContext context)
    {
        args.EnsureAllUsed();
        return new WorkerSession(Console.In, context.Out, context.Err).Run(context.Cancel);
    }
}
