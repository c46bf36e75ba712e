// The language switch after htmx has changed the page's address in place
// (a filter, a view toggle): the links to the other language follow, so that
// they still lead to the same page with its query. Without script there is no
// such change, and base.html's links are already right.
(function () {
  "use strict";

  // The interface languages' address prefixes (concordance/languages.py):
  // French, the default, at the site's addresses, English under /en/.
  function addressIn(language, location) {
    var path = location.pathname.replace(/^\/en(?=\/)/, "");
    if (language !== "fr") path = "/" + language + path;
    return path + location.search;
  }

  function follow() {
    document.querySelectorAll('.language-switch a[hreflang], link[rel="alternate"][hreflang]').forEach(function (link) {
      link.setAttribute("href", addressIn(link.getAttribute("hreflang"), window.location));
    });
  }

  document.addEventListener("htmx:pushedIntoHistory", follow);
  document.addEventListener("htmx:replacedInHistory", follow);
  window.addEventListener("popstate", follow);
})();
