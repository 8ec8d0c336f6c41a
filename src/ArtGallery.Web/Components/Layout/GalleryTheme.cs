using MudBlazor;

namespace ArtGallery.Web.Components.Layout;

/// <summary>The dark gallery theme, the only place colours are defined: near-black walls so the art carries the colour.</summary>
public static class GalleryTheme
{
    /// <summary>The MudBlazor theme.</summary>
    public static readonly MudTheme Theme = new()
    {
        PaletteDark = new PaletteDark
        {
            Primary = "#e0b872",
            PrimaryContrastText = "#16130c",
            Secondary = "#8fb3c9",
            Tertiary = "#ff6b81",
            Error = "#ff8a9b",
            Background = "#111113",
            BackgroundGray = "#0d0d10",
            Surface = "#1b1b1f",
            DrawerBackground = "#1b1b1f",
            AppbarBackground = "#0b0b0d",
            AppbarText = "#eeeeee",
            TextPrimary = "#ececec",
            TextSecondary = "#a8a8ad",
            LinesDefault = "#2c2c33",
            LinesInputs = "#3a3a44",
            Divider = "#2c2c33",
            TableLines = "#2c2c33",
            ActionDefault = "#dddddd",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["Inter", "Segoe UI", "Helvetica", "Arial", "sans-serif"] },
            H1 = new H1Typography { FontSize = "1.8rem", FontWeight = "500" },
            H2 = new H2Typography { FontSize = "1.2rem", FontWeight = "500" },
        },
    };

    /// <summary>Chart line colours, from the palette above (primary, secondary, then the tertiary accent).</summary>
    public static readonly string[] ChartPalette = ["#e0b872", "#8fb3c9", "#ff6b81", "#a8a8ad"];
}
