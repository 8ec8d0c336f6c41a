using ArtGallery.Web.Infrastructure;
using Microsoft.Extensions.Options;

namespace ArtGallery.Web.Rendering;

/// <summary>Prints (hundreds of MB each): PrintConcurrency at once, PrintQueueCapacity waiting, so concurrent requests queue
/// instead of exhausting memory.</summary>
public sealed class PrintQueue(IOptions<ArtGalleryOptions> options) : WorkGate(options.Value.PrintConcurrency, options.Value.PrintQueueCapacity,
    "Print queue full", "Too many prints are being rendered; try again in a minute.", Imaging.FaultPoint.PrintRendering);

/// <summary>
/// Large views (<c>?view=large</c>: about a second of detail-model work each, asked for by anonymous visitors):
/// LargeViewConcurrency at once, LargeViewQueueCapacity waiting. Their own line, so a crowd of them waits here and
/// never in front of the gallery's renders on the render worker.
/// </summary>
public sealed class LargeViewQueue(IOptions<ArtGalleryOptions> options) : WorkGate(options.Value.LargeViewConcurrency, options.Value.LargeViewQueueCapacity,
    "Large view queue full", "Too many large views are being rendered; try again in a few seconds.");
