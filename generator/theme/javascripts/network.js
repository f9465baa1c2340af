// Hover or focus on an actor in a network drawing lights up its neighbours and the
// lines to them. Without this script the drawing still works: every circle is a link,
// and the stylesheet shows each name on hover and focus.
(function () {
  function wire(svg) {
    var lines = Array.prototype.slice.call(svg.querySelectorAll(".net-tie"));
    var nodes = Array.prototype.slice.call(svg.querySelectorAll(".net-node"));
    function light(id) {
      var near = {};
      near[id] = true;
      lines.forEach(function (line) {
        var a = line.getAttribute("data-a"), b = line.getAttribute("data-b");
        var on = a === id || b === id;
        line.classList.toggle("net-on", on);
        if (on) { near[a] = true; near[b] = true; }
      });
      nodes.forEach(function (node) {
        node.classList.toggle("net-near", !!near[node.getAttribute("data-id")]);
      });
      svg.classList.add("net-active");
    }
    function clear() {
      svg.classList.remove("net-active");
    }
    nodes.forEach(function (node) {
      var id = node.getAttribute("data-id");
      node.addEventListener("mouseenter", function () { light(id); });
      node.addEventListener("focus", function () { light(id); });
      node.addEventListener("mouseleave", clear);
      node.addEventListener("blur", clear);
    });
  }
  function init() {
    document.querySelectorAll("svg.net-svg").forEach(wire);
  }
  // Material loads pages without a reload when instant navigation is on.
  if (window.document$ && window.document$.subscribe) {
    window.document$.subscribe(init);
  } else {
    init();
  }
})();
