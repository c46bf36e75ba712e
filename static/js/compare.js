// Keyboard: n / p (or j / k) move to the next / previous difference: each
// deleted, inserted, near-equivalent or terminological passage (terminology
// only while it is marked), each gap and each moved paragraph, in reading order.
// Works after htmx swaps too, since differences are looked up at each key press.
(function () {
  "use strict";
  // Inside the rows only: the legend shows the same marks.
  const SELECTOR = [
    "#rows .rows del.change", "#rows .rows ins.change", "#rows .rows .near", "#rows:not(.terms-hidden) .rows .term",
    "#rows .rows .gap", "#rows .rows .moved-note",
  ].join(", ");
  let current = null;
  function differences() {
    return Array.from(document.querySelectorAll(SELECTOR));
  }
  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const target = event.target;
    if (target && (target.isContentEditable || /^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName))) return;
    const forward = event.key === "n" || event.key === "j";
    const backward = event.key === "p" || event.key === "k";
    if (!forward && !backward) return;
    const found = differences();
    if (!found.length) return;
    let index = current ? found.indexOf(current) : -1;
    if (index === -1) {
      index = forward ? 0 : found.length - 1;
    } else {
      index = forward ? Math.min(index + 1, found.length - 1) : Math.max(index - 1, 0);
    }
    if (current) current.classList.remove("current-diff");
    current = found[index];
    current.classList.add("current-diff");
    current.setAttribute("tabindex", "-1");
    current.focus({ preventScroll: true });
    current.scrollIntoView({ block: "center" });
    event.preventDefault();
  });
  document.addEventListener("htmx:afterSwap", function () { current = null; });
})();
