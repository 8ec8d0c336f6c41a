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
