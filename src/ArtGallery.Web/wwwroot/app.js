// ArtGallery's few browser helpers, called from components through IJSRuntime ("artGallery.*").
window.artGallery = {
  // Replaces the address bar's URL without a navigation: Blazor's enhanced navigation would fetch the whole page again.
  replaceUrl: (url) => history.replaceState(history.state, "", url),
  // Starts a file download without leaving the page (the server answers with Content-Disposition: attachment).
  download: (url) => {
    const a = document.createElement("a");
    a.href = url;
    a.download = "";
    document.body.appendChild(a);
    a.click();
    a.remove();
  },
};

// The skip link moves keyboard focus into <main> (Blazor's navigation would only scroll to it).
document.addEventListener("click", (e) => {
  const skip = e.target instanceof Element ? e.target.closest("a.ag-skip") : null;
  if (!skip) return;
  e.preventDefault();
  e.stopPropagation();
  const main = document.getElementById("main");
  main?.focus();
  main?.scrollIntoView();
}, true);
