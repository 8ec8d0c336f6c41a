namespace ArtGallery.E2E.Tests.Benchmarks;

/// <summary>In-page timing: from the slider's input event to the load of the new explore image, both on the browser clock.</summary>
public static class SliderProbe
{
    /// <summary>Installs capture listeners for range input and image load events.</summary>
    public const string InstallScript = """
        () => {
          window.__bench = { t0: 0, t1: 0, src: null };
          document.addEventListener('input', e => {
            if (e.target.matches && e.target.matches('input[type=range]') && !window.__bench.t0) window.__bench.t0 = performance.now();
          }, true);
          document.addEventListener('load', e => {
            if (e.target.matches && e.target.matches('img[data-testid=explore-image]')) {
              window.__bench.t1 = performance.now(); window.__bench.src = e.target.getAttribute('src');
            }
          }, true);
        }
        """;

    /// <summary>Returns the latency in ms once a new src has loaded after the input, else null.</summary>
    public const string DoneScript = """
        old => { const b = window.__bench; return b.t0 && b.t1 > b.t0 && b.src !== old ? b.t1 - b.t0 : null; }
        """;
}
