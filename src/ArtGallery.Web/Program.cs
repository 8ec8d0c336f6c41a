using ArtGallery.Web.Backups;
using ArtGallery.Web.Composition;
using ArtGallery.Gan;

// `--restore BACKUP.zip --into NEW_DATA_DIR` unpacks a back-up and exits (see docs/HARDENING.md).
if (RestoreCommand.Requested(args)) return RestoreCommand.Run(args, Console.Out, Console.Error);

// Before the host starts its threads: at most 2 malloc arenas, so libtorch's freed memory is reused, and render-sized
// tensors stay in the heap instead of being mapped afresh (see NativeHeap).
NativeHeap.LimitArenas(2);
NativeHeap.KeepTensorBuffers();
var app = ArtGalleryApp.Build(args);
app.Run();
return 0;

/// <summary>Entry point, public so WebApplicationFactory can host it in tests.</summary>
public partial class Program;
