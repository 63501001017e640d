// The page takes no parameters: the terminal script reads some from the address (one of them
// a page to fetch), so the address is cleared before it starts. It starts once its font has
// loaded, so that it measures its cells in that font and the layout is the same everywhere.
(function () {
  "use strict";
  const begin = window.onload;
  window.onload = async function (event) {
    history.replaceState(null, "", window.location.pathname);
    document.getElementById("restart").addEventListener("click", function () {
      window.location.reload();
    });
    try {
      await document.fonts.load("16px 'Roboto Mono'");
    } catch (e) {
      // A font that cannot load leaves the terminal on the fallback: it still works.
    }
    if (begin) {
      begin.call(window, event);
    }
  };
})();
