// Keyboard: n / p (or j / k) move to the next / previous changed row.
// Works after htmx swaps too, since rows are looked up at each key press.
(function () {
  "use strict";
  let current = -1;
  function changedRows() {
    return Array.from(document.querySelectorAll("#rows .row.changed"));
  }
  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const target = event.target;
    if (target && (target.isContentEditable || /^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName))) return;
    const forward = event.key === "n" || event.key === "j";
    const backward = event.key === "p" || event.key === "k";
    if (!forward && !backward) return;
    const rows = changedRows();
    if (!rows.length) return;
    current = forward ? Math.min(current + 1, rows.length - 1) : Math.max(current - 1, 0);
    const row = rows[current];
    row.setAttribute("tabindex", "-1");
    row.focus();
    row.scrollIntoView({ block: "center" });
    event.preventDefault();
  });
  document.addEventListener("htmx:afterSwap", function () { current = -1; });
})();
