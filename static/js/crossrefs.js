// Cross-reference previews: hovering or focusing a link to another provision
// shows that provision's text in a small popover; Escape hides it.
// Without this script the link's title attribute shows the start of the text.
(function () {
  "use strict";
  const cache = new Map();
  let popover = null;
  let current = null;
  let showTimer = 0;
  let hideTimer = 0;

  function ensurePopover() {
    if (popover) return popover;
    popover = document.createElement("div");
    popover.id = "xref-popover";
    popover.className = "xref-popover";
    popover.setAttribute("role", "tooltip");
    popover.hidden = true;
    popover.addEventListener("mouseenter", function () { clearTimeout(hideTimer); });
    popover.addEventListener("mouseleave", scheduleHide);
    document.body.appendChild(popover);
    return popover;
  }

  function load(url) {
    if (!cache.has(url)) {
      cache.set(url, fetch(url, { headers: { Accept: "text/html" }, credentials: "same-origin" })
        .then(function (response) {
          if (!response.ok) throw new Error(response.status);
          return response.text();
        })
        .catch(function (error) { cache.delete(url); throw error; }));
    }
    return cache.get(url);
  }

  function place(link) {
    const rect = link.getBoundingClientRect();
    const width = Math.min(32 * 16, document.documentElement.clientWidth - 16);
    popover.style.maxWidth = width + "px";
    const left = Math.max(8, Math.min(rect.left, document.documentElement.clientWidth - width - 8));
    popover.style.left = (left + window.scrollX) + "px";
    popover.style.top = (rect.bottom + window.scrollY + 6) + "px";
  }

  function show(link) {
    clearTimeout(hideTimer);
    if (current === link && !popover.hidden) return;
    hide();
    current = link;
    load(link.dataset.preview).then(function (html) {
      if (current !== link) return;
      ensurePopover();
      popover.innerHTML = html;
      popover.hidden = false;
      place(link);
      link.setAttribute("aria-describedby", popover.id);
      // The popover says it all: keep the browser's own tooltip out of the way.
      if (link.hasAttribute("title")) {
        link.dataset.title = link.getAttribute("title");
        link.removeAttribute("title");
      }
    }, function () { /* the title attribute remains the preview */ });
  }

  function hide() {
    clearTimeout(showTimer);
    if (current) {
      current.removeAttribute("aria-describedby");
      if (current.dataset.title !== undefined) {
        current.setAttribute("title", current.dataset.title);
        delete current.dataset.title;
      }
    }
    current = null;
    if (popover) popover.hidden = true;
  }

  function scheduleHide() {
    clearTimeout(showTimer);
    clearTimeout(hideTimer);
    hideTimer = setTimeout(hide, 200);
  }

  function linkOf(event) {
    const target = event.target;
    return target && target.closest ? target.closest("a.xref[data-preview]") : null;
  }

  document.addEventListener("mouseover", function (event) {
    const link = linkOf(event);
    if (!link) return;
    clearTimeout(showTimer);
    clearTimeout(hideTimer);
    showTimer = setTimeout(function () { show(link); }, 250);
  });
  document.addEventListener("mouseout", function (event) {
    const link = linkOf(event);
    if (link && !link.contains(event.relatedTarget)) scheduleHide();
  });
  document.addEventListener("focusin", function (event) {
    const link = linkOf(event);
    if (link) show(link);
    else if (!(popover && popover.contains(event.target))) hide();
  });
  document.addEventListener("focusout", function (event) {
    if (linkOf(event) && !(popover && popover.contains(event.relatedTarget))) scheduleHide();
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && current) {
      const link = current;
      hide();
      if (popover && popover.contains(document.activeElement)) link.focus();
    }
  });
  window.addEventListener("resize", function () { if (current && popover && !popover.hidden) place(current); });
  document.addEventListener("htmx:beforeSwap", hide);
})();
