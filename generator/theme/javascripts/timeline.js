// Filters on the timeline, kept in the address so a filtered view can be shared:
// ?actor=ID, ?place=ID, ?tag=TAG (together they narrow each other). Each mark
// carries its event's ids in data attributes; timeline/filters.json names every id,
// so that an unknown one gets a clear message, and holds the filter box's words in
// the page's language. Without this script the page shows every event, and every
// mark is still a link; the form stays hidden.
(function () {
  var LANE = 22;  // the drawing's lane height, as generator/timeline.py sets it
  var KINDS = [["actor", "actors"], ["place", "places"], ["tag", "tags"]];

  // A sentence of filters.json's `words`, its %(name)s placeholders filled in.
  function fill(template, values) {
    return template.replace(/%\((\w+)\)s/g, function (all, name) {
      return name in values ? values[name] : all;
    });
  }

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text) node.textContent = text;
    return node;
  }

  function ids(mark, plural) {
    return (mark.getAttribute("data-" + plural) || "").split(" ").filter(Boolean);
  }

  function apply(box, names, marks, months, params) {
    var active = KINDS.filter(function (k) { return params.get(k[0]); });
    var unknown = active.filter(function (k) { return !(params.get(k[0]) in (names[k[0]] || {})); });
    var known = active.filter(function (k) { return unknown.indexOf(k) < 0; });
    var shown = {};
    marks.forEach(function (mark) {
      var match = known.every(function (k) { return ids(mark, k[1]).indexOf(params.get(k[0])) >= 0; });
      mark.classList.toggle("tl-hide", !match);
      // An SVG link's href is not a string: resolve the attribute instead.
      if (match) shown[new URL(mark.getAttribute("href"), location.href).href] = true;
    });
    compact(marks);
    // The tables below are the text equivalent: the same rows go.
    document.querySelectorAll("article table").forEach(function (table) {
      var rows = Array.prototype.slice.call(table.querySelectorAll("tbody tr"));
      var visible = 0;
      rows.forEach(function (row) {
        var link = row.querySelector('a[href*="/events/"]');
        var match = !link || !marks.length || shown[link.href];
        row.hidden = !match;
        if (match) visible += 1;
      });
      // The theme wraps each table: hide the outermost wrapper and the year above it.
      var block = table.closest(".md-typeset__scrollwrap") || table;
      block.hidden = visible === 0;
      var h2 = block.previousElementSibling;
      if (h2 && h2.tagName === "H2") h2.hidden = visible === 0;
    });
    months.forEach(function (bar) {
      bar.setAttribute("href", bar.getAttribute("href").split("?")[0] + location.search);
    });
    var status = box.querySelector(".tl-status");
    status.textContent = "";
    status.className = "tl-status";
    if (!active.length) return;
    var words = names.words;
    var described = !known.length ? "" : known.map(function (k) {
      return fill(words["filter_" + k[0]], { name: names[k[0]][params.get(k[0])] });
    }).reduce(function (first, second) {
      return fill(words["and"], { first: first, second: second });
    });
    var count = Object.keys(shown).length;
    if (unknown.length) {
      status.classList.add("tl-warning");
      status.appendChild(document.createTextNode(unknown.map(function (k) {
        return fill(words["unknown_" + k[0]], { id: params.get(k[0]) });
      }).join(" ") + (known.length ? " " : " " + words.every + " ")));
    }
    if (known.length && months.length) {
      status.appendChild(document.createTextNode(fill(words["months"], { filter: described }) + " "));
    } else if (known.length) {
      status.appendChild(document.createTextNode((count
        ? fill(words.showing[marks.length === 1 ? 0 : 1],
              { count: count, total: marks.length, filter: described })
        : fill(words["none"], { filter: described })) + " "));
    }
    var all = el("a", { href: location.pathname }, words.all);
    all.addEventListener("click", function (event) {
      event.preventDefault();
      history.replaceState(null, "", location.pathname);
      sync(box, new URLSearchParams(""));
      apply(box, names, marks, months, new URLSearchParams(""));
    });
    status.appendChild(all);
  }

  // Marks that share no lane never overlapped: closing up the emptied lanes, in
  // their order, keeps it so, and spares the reader a tall empty drawing.
  function compact(marks) {
    if (!marks.length) return;
    var svg = marks[0].ownerSVGElement;
    var used = {};
    marks.forEach(function (mark) {
      if (!mark.classList.contains("tl-hide")) used[+mark.getAttribute("data-lane")] = true;
    });
    var lanes = Object.keys(used).map(Number).sort(function (a, b) { return a - b; });
    var row = {};
    lanes.forEach(function (lane, i) { row[lane] = i; });
    marks.forEach(function (mark) {
      var lane = +mark.getAttribute("data-lane");
      var shift = lane in row ? (row[lane] - lane) * LANE : 0;
      if (shift) mark.setAttribute("transform", "translate(0 " + shift + ")");
      else mark.removeAttribute("transform");
    });
    var box = svg.getAttribute("viewBox").split(" ");
    if (!svg.hasAttribute("data-height")) svg.setAttribute("data-height", box[3]);
    var full = +svg.getAttribute("data-height");
    var all = Math.max.apply(null, marks.map(function (m) { return +m.getAttribute("data-lane"); })) + 1;
    var height = lanes.length === all ? full : full - (all - lanes.length) * LANE;
    svg.setAttribute("viewBox", box.slice(0, 3).join(" ") + " " + height);
    svg.setAttribute("height", height);
    // On a narrow screen the drawing scrolls: bring the first event shown into view.
    var xs = marks.filter(function (m) { return !m.classList.contains("tl-hide"); }).map(function (m) {
      return +m.querySelector("rect").getAttribute("x");
    });
    var scroller = svg.closest(".tl-scroll");
    if (scroller && xs.length) {
      scroller.scrollLeft = Math.max(0, Math.min.apply(null, xs) * svg.clientWidth / +box[2] - 24);
    }
  }

  function sync(box, params) {
    box.querySelectorAll("select").forEach(function (select) {
      var value = params.get(select.name) || "";
      select.value = Array.prototype.some.call(select.options, function (o) { return o.value === value; }) ? value : "";
    });
  }

  // The form is in the page (generator/templates/timeline.md.j2), so that it takes its
  // room before the first paint; here its lists get their names and its changes act.
  function fillLists(form, names, marks) {
    KINDS.forEach(function (k) {
      var select = form.querySelector('select[name="' + k[0] + '"]');
      if (!select) return;
      var present = {};
      if (marks.length) {
        marks.forEach(function (mark) { ids(mark, k[1]).forEach(function (id) { present[id] = true; }); });
      } else {
        present = names[k[0]] || {};
      }
      var options = Object.keys(present).filter(function (id) { return id in (names[k[0]] || {}); });
      options.sort(function (a, b) { return names[k[0]][a].localeCompare(names[k[0]][b]); });
      var list = document.createDocumentFragment();
      options.forEach(function (id) { list.appendChild(el("option", { value: id }, names[k[0]][id])); });
      select.appendChild(list);
    });
  }

  function filtered(params) {
    return KINDS.some(function (k) { return params.get(k[0]); });
  }

  // Off the critical path: nothing is fetched, drawn or measured while the page loads.
  // The names come when the browser is idle; a page opened with a filter in its address
  // is filtered then, one opened without has nothing to change.
  function whenIdle(task) {
    if (window.requestIdleCallback) window.requestIdleCallback(task, { timeout: 4000 });
    else window.setTimeout(task, 300);
  }

  function init() {
    var box = document.querySelector(".tl-filter");
    if (!box || box.getAttribute("data-ready")) return;
    box.setAttribute("data-ready", "1");
    var form = box.querySelector("form");
    if (!form) return;
    var marks = Array.prototype.slice.call(document.querySelectorAll("a.tl-mark"));
    var months = Array.prototype.slice.call(document.querySelectorAll("a.tl-month"));
    var names = null;
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.addEventListener("change", function (event) {
      var select = event.target;
      if (!names || !select.name) return;
      var params = new URLSearchParams(location.search);
      if (select.value) params.set(select.name, select.value); else params.delete(select.name);
      var query = params.toString();
      history.replaceState(null, "", location.pathname + (query ? "?" + query : ""));
      apply(box, names, marks, months, params);
    });
    whenIdle(function () {
      fetch(box.getAttribute("data-filters"))
        .then(function (response) { return response.json(); })
        .then(function (loaded) {
          names = loaded;
          fillLists(form, names, marks);
          var params = new URLSearchParams(location.search);
          sync(box, params);
          if (filtered(params)) apply(box, names, marks, months, params);
        });
    });
  }

  if (window.document$ && window.document$.subscribe) {
    window.document$.subscribe(init);
  } else {
    init();
  }
})();
