using MudBlazor;

namespace ArtGallery.Web.Components.Layout;

/// <summary>The dark gallery theme: near-black walls so the art carries the colour.</summary>
public static class GalleryTheme
{
    /// <summary>The MudBlazor theme.</summary>
    public static readonly MudTheme Theme = new()
    {
        PaletteDark = new PaletteDark
        {
            Primary = "#e0b872",
            Secondary = "#8fb3c9",
            Background = "#111113",
            Surface = "#1b1b1f",
            AppbarBackground = "#0b0b0d",
            AppbarText = "#eeeeee",
            TextPrimary = "#ececec",
            TextSecondary = "#a8a8ad",
        },
        Typography = new Typography { Default = new DefaultTypography { FontFamily = ["Inter", "Segoe UI", "Helvetica", "Arial", "sans-serif"] } },
    };
}
