// Document reader: selecting a highlight shows its claim in the side panel (works without it via #anchors).
// A figure's selection also marks its source's span in the text. On phones the panel opens as a bottom
// sheet over the article, so the detail is in view without scrolling past the text; "Close" folds it.
(function () {
  "use strict";
  var panel = document.getElementById("selected");
  if (!panel) { return; }

  function closeButton() {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "sheet-close";
    button.textContent = "Close";
    button.addEventListener("click", function (event) {
      event.stopPropagation();
      panel.classList.remove("open");
    });
    return button;
  }

  function select(anchor, scroll) {
    if (!/^c[0-9]+$/.test(anchor || "")) { return; }
    var card = document.getElementById(anchor);
    if (!card) { return; }
    document.querySelectorAll(".hl.active, .hl.linked, .card.active").forEach(function (el) {
      el.classList.remove("active", "linked");
    });
    var spans = document.querySelectorAll('.hl[data-target="' + anchor + '"]');
    spans.forEach(function (el) { el.classList.add("active"); });
    var source = card.dataset.source;
    if (source && /^c[0-9]+$/.test(source)) {
      document.querySelectorAll('.hl[data-target="' + source + '"]').forEach(function (el) {
        el.classList.add("linked");
      });
    }
    card.classList.add("active");
    var copy = card.cloneNode(true);
    copy.removeAttribute("id");
    copy.classList.remove("active");
    panel.replaceChildren(closeButton(), copy);
    panel.classList.add("open");
    if (scroll && spans.length) { spans[0].scrollIntoView({block: "nearest"}); }
    history.replaceState(null, "", "#" + anchor);
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest("a.hl, a.jump, .cards .card");
    if (!link) { return; }
    if (link.matches("a.hl")) {
      event.preventDefault();
      select(link.dataset.target, false);
    } else if (link.matches("a.jump")) {
      event.preventDefault();
      select(link.getAttribute("href").slice(1), true);
    } else if (!event.target.closest("a")) {
      select(link.id, true);
    }
  });

  function fromHash() {
    var hash = decodeURIComponent(location.hash.slice(1));
    if (!hash) { return; }
    if (hash.indexOf("fig-") === 0) {
      var card = document.querySelector('.card[data-fig="' + CSS.escape(hash) + '"]');
      if (card) { select(card.id, true); }
    } else {
      select(hash, true);
    }
  }
  // Select from the address once the page is laid out (styles applied), so the scroll lands right.
  if (document.readyState === "complete") { fromHash(); } else { window.addEventListener("load", fromHash); }
})();
