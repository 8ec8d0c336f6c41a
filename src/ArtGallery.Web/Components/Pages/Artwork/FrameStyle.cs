namespace ArtGallery.Web.Components.Pages.Artwork;

/// <summary>The frame drawn around the print in the dialog's previews.</summary>
public enum FrameStyle
{
    /// <summary>A thin black frame.</summary>
    Black,
    /// <summary>A thin white frame.</summary>
    White,
    /// <summary>Light oak.</summary>
    Oak,
}

/// <summary>Colours and sizes of the previewed frames (inches, like a framer's).</summary>
public static class Frames
{
    /// <summary>Frame moulding width.</summary>
    public const double FrameInches = 1.25;

    /// <summary>Mat border width when a mat is chosen.</summary>
    public const double MatInches = 2.5;

    /// <summary>CSS colour of a frame.</summary>
    public static string Colour(FrameStyle style) => style switch
    {
        FrameStyle.White => "#f2f0eb",
        FrameStyle.Oak => "#b8895a",
        _ => "#141414",
    };
}
