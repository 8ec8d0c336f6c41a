using Bunit;
using MudBlazor.Services;

namespace ArtGallery.Web.Tests.Components;

/// <summary>bUnit base: MudBlazor services and loose JS interop (MudBlazor calls JS we do not assert on).</summary>
public abstract class ComponentTestBase : BunitContext
{
    protected ComponentTestBase()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    /// <summary>Renders as on a live circuit (buttons are disabled while prerendering); call after registering services.</summary>
    protected void Interactive() => Renderer.SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));

    /// <summary>MudBlazor's key interceptor is only async-disposable, and xunit v2 disposes synchronously: dispose the async way.</summary>
    protected override void Dispose(bool disposing)
    {
        if (disposing) DisposeAsync().AsTask().GetAwaiter().GetResult();
        else base.Dispose(disposing);
    }
}
