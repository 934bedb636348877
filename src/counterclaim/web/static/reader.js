// Document reader: selecting a highlight shows its claim in the side panel (works without it via #anchors).
(function () {
  "use strict";
  var panel = document.getElementById("selected");
  if (!panel) { return; }

  function select(anchor, scroll) {
    if (!/^c[0-9]+$/.test(anchor || "")) { return; }
    var card = document.getElementById(anchor);
    if (!card) { return; }
    document.querySelectorAll(".hl.active, .card.active").forEach(function (el) { el.classList.remove("active"); });
    var spans = document.querySelectorAll('.hl[data-target="' + anchor + '"]');
    spans.forEach(function (el) { el.classList.add("active"); });
    card.classList.add("active");
    var copy = card.cloneNode(true);
    copy.removeAttribute("id");
    copy.classList.remove("active");
    panel.replaceChildren(copy);
    if (scroll && spans.length) { spans[0].scrollIntoView({block: "center"}); }
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
  fromHash();
})();
