// "Citer": copy a provision's citation and permalink in one click.
// Without this script the citation stays selectable in its <details>;
// the copy button is shown only where a clipboard is available.
(function () {
  "use strict";

  // The words, in the page's language, are given by base.html on <html> (data-copied…).
  function label(name, french) {
    return document.documentElement.dataset[name] || french;
  }

  function reveal(root) {
    if (!navigator.clipboard) return;
    root.querySelectorAll(".cite-copy[hidden]").forEach(function (button) {
      button.hidden = false;
    });
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest(".cite-copy");
    if (!button) return;
    // A path (the comparison rows, cached for every host) is made whole here.
    var url = new URL(button.dataset.url, window.location.href).href;
    navigator.clipboard.writeText(button.dataset.citation + ", " + url).then(
      function () {
        button.textContent = label("copied", "Copié");
        setTimeout(function () { button.textContent = label("copy", "Copier"); }, 2000);
      },
      function () {
        button.textContent = label("copyFailed", "Copie impossible : sélectionnez le texte");
      }
    );
  });

  document.addEventListener("DOMContentLoaded", function () { reveal(document); });
  // Rows swapped in by htmx bring their own buttons.
  document.addEventListener("htmx:afterSwap", function (event) { reveal(event.target); });
})();
