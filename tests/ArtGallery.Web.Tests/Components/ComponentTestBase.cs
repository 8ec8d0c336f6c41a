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
}
