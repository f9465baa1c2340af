// Hover or focus on an actor in a network drawing lights up its neighbours and the
// lines to them. Without this script the drawing still works: every circle is a link,
// and every name is shown.
//
// Off the critical path: one listener per drawing, and nothing is looked up until a
// reader first points at or focuses an actor.
(function () {
  function wire(svg) {
    var lines = null;
    var nodes = null;
    function light(id) {
      if (!lines) {
        lines = Array.prototype.slice.call(svg.querySelectorAll(".net-tie"));
        nodes = Array.prototype.slice.call(svg.querySelectorAll(".net-node"));
      }
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
    function nodeOf(target) {
      return target && target.closest ? target.closest(".net-node") : null;
    }
    function enter(event) {
      var node = nodeOf(event.target);
      if (node && !node.contains(event.relatedTarget)) light(node.getAttribute("data-id"));
    }
    function leave(event) {
      var node = nodeOf(event.target);
      if (node && !node.contains(event.relatedTarget)) clear();
    }
    svg.addEventListener("mouseover", enter);
    svg.addEventListener("mouseout", leave);
    svg.addEventListener("focusin", enter);
    svg.addEventListener("focusout", leave);
  }
  function init() {
    document.querySelectorAll("svg.net-svg").forEach(function (svg) {
      if (svg.netWired) return;
      svg.netWired = true;
      wire(svg);
    });
  }
  // Material loads pages without a reload when instant navigation is on.
  if (window.document$ && window.document$.subscribe) {
    window.document$.subscribe(init);
  } else {
    init();
  }
})();
