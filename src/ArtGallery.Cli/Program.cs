using System.Runtime.InteropServices;
using ArtGallery.Cli;
using ArtGallery.Gan;

// The web app's malloc policy, so CLI benchmarks measure what the app does (and the training worker is this program).
NativeHeap.LimitArenas(2);
NativeHeap.KeepTensorBuffers();

using var cancel = new CancellationTokenSource();
// Ctrl+C, and SIGTERM (a background run started with nohup ignores SIGINT; `kill PID` is how it is stopped), stop training
// cleanly: the trainer writes a checkpoint before returning.
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => { context.Cancel = true; cancel.Cancel(); });
return CliApp.Run(args, new CliContext(Console.Out, Console.Error, cancel.Token));
