using ArtGallery.Cli;

using var cancel = new CancellationTokenSource();
// Ctrl+C stops training cleanly: the trainer writes a checkpoint before returning.
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
return CliApp.Run(args, new CliContext(Console.Out, Console.Error, cancel.Token));
