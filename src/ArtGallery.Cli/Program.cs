using System.Runtime.InteropServices;
using ArtGallery.Cli;

using var cancel = new CancellationTokenSource();
// Ctrl+C, and SIGTERM (a background run started with nohup ignores SIGINT; `kill PID` is how it is stopped), stop training
// cleanly: the trainer writes a checkpoint before returning.
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => { context.Cancel = true; cancel.Cancel(); });
return CliApp.Run(args, new CliContext(Console.Out, Console.Error, cancel.Token));
