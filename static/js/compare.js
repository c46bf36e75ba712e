// Keyboard: n / p (or j / k) move to the next / previous difference: each
// deleted, inserted, near-equivalent or terminological passage (terminology
// only while it is marked), each gap and each moved paragraph, in reading order.
// Works after htmx swaps too, since differences are looked up at each key press.
// WCAG 2.1.4: single-key shortcuts can be turned off (the switch in the
// legend, remembered in localStorage) and never act while focus is in a
// field or outside the comparison (in the navigation, the forms).
(function () {
  "use strict";
  const STORAGE_KEY = "concordance.compare-keys";
  function stored() {
    try { return window.localStorage.getItem(STORAGE_KEY) !== "off"; } catch (e) { return true; }
  }
  let enabled = stored();
  function bindSwitch() {
    const toggle = document.getElementById("compare-keys");
    if (!toggle || toggle.dataset.bound) return;
    toggle.dataset.bound = "1";
    toggle.disabled = false;
    toggle.checked = enabled;
    toggle.addEventListener("change", function () {
      enabled = toggle.checked;
      try { window.localStorage.setItem(STORAGE_KEY, enabled ? "on" : "off"); } catch (e) { /* private mode */ }
    });
  }
  document.addEventListener("DOMContentLoaded", bindSwitch);
  document.addEventListener("htmx:afterSettle", bindSwitch);
  // Focus on the page itself (nothing focused) or inside the comparison rows.
  function inComparison(target) {
    if (!target || target === document.body || target === document.documentElement) return true;
    const rows = document.getElementById("rows");
    return Boolean(rows && rows.contains(target) && !target.closest(".compare-tools"));
  }
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
    if (event.ctrlKey || event.metaKey || event.altKey || presenting()) return;
    const target = event.target;
    if (!enabled || !inComparison(target)) return;
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

  // Presentation mode (concordance/comparison/presentation.py): one row at a
  // time, moved by each row's own "précédent" / "suivant" links, which work
  // without this script; the keys only follow them. n / p are single-key
  // shortcuts and obey the switch (WCAG 2.1.4); the arrows and Escape are not
  // character keys and always act, outside form fields.
  function presenting() { return document.body.classList.contains("presenting"); }
  function shownRow() {
    const rows = document.querySelectorAll("#rows .rows.side .row[id^='row-']");
    for (const row of rows) {
      if (window.getComputedStyle(row).display !== "none") return row;
    }
    return null;
  }
  document.addEventListener("keydown", function (event) {
    if (!presenting() || event.ctrlKey || event.metaKey || event.altKey || event.shiftKey) return;
    const target = event.target;
    if (target && (target.isContentEditable || /^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName))) return;
    const row = shownRow();
    if (event.key === "Escape") {
      const leave = document.getElementById("present-leave");
      if (!leave) return;
      // Back to the whole comparison, at the row being shown.
      window.location.href = leave.href.split("#")[0] + (row ? "#" + row.id : "");
      event.preventDefault();
      return;
    }
    const forward = event.key === "ArrowRight" || (enabled && event.key === "n");
    const backward = event.key === "ArrowLeft" || (enabled && event.key === "p");
    if (!row || (!forward && !backward)) return;
    const link = row.querySelector(forward ? "a.present-next" : "a.present-previous");
    if (link) {
      link.click();
      // The focus goes with the row shown (a screen reader reads it), not with the hidden one.
      const shown = document.getElementById(link.hash.slice(1));
      if (shown) {
        shown.setAttribute("tabindex", "-1");
        shown.focus({ preventScroll: true });
      }
    }
    event.preventDefault();
  });
})();
