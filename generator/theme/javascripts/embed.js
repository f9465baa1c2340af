// Embeddable views (generator/views/listings.py, embeds). On a full view, the "Embed"
// control shows the <iframe> code of its embed page, with the filters in the address
// as they are when it is opened or copied. On an embed page, the credit line's link to
// the full view keeps the embed's filters. Without this script the control stays
// hidden and the credit line leads to the unfiltered view.
(function () {
  "use strict";

  // What the search keeps in the address (javascripts/search.js): not a view's filter.
  var SEARCH = ["q", "h", "kind", "year", "outlet", "language"];

  function words() {
    var element = document.getElementById("dossier-words");
    return element ? JSON.parse(element.textContent) : {};
  }

  function filters() {
    var params = new URLSearchParams(location.search);
    SEARCH.forEach(function (name) { params.delete(name); });
    var query = params.toString();
    return query ? "?" + query : "";
  }

  function code(control) {
    var src = new URL(control.getAttribute("data-embed"), location.href).href + filters();
    var frame = document.createElement("iframe");
    frame.setAttribute("src", src);
    frame.setAttribute("title", document.title);
    frame.setAttribute("width", "100%");
    frame.setAttribute("height", "640");
    frame.setAttribute("style", "border: 0; max-width: 100%;");
    frame.setAttribute("loading", "lazy");
    return frame.outerHTML;
  }

  function control(details) {
    var area = details.querySelector("textarea");
    var status = details.querySelector(".dossier-embed__status");
    var button = details.querySelector(".dossier-embed__copy");
    function refresh() {
      area.value = code(details);
    }
    details.addEventListener("toggle", function () {
      if (details.open) refresh();
    });
    // A view's filters change the address in place (javascripts/timeline.js).
    document.addEventListener("change", function () {
      if (details.open) refresh();
    });
    area.addEventListener("focus", function () { area.select(); });
    button.addEventListener("click", function () {
      refresh();
      area.select();
      var done = function () { status.textContent = words().copied || "Copied."; };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(area.value).then(done, function () {
          if (document.execCommand("copy")) done();
        });
      } else if (document.execCommand("copy")) {
        done();
      }
    });
    refresh();
    details.hidden = false;
  }

  function init() {
    document.querySelectorAll(".dossier-embed[data-embed]").forEach(function (details) {
      if (details.getAttribute("data-ready")) return;
      details.setAttribute("data-ready", "1");
      control(details);
    });
    document.querySelectorAll(".dossier-embed-credit__full").forEach(function (link) {
      link.setAttribute("href", link.getAttribute("href").split("?")[0] + filters());
    });
  }

  if (window.document$ && window.document$.subscribe) {
    window.document$.subscribe(init);
  } else {
    init();
  }
})();
