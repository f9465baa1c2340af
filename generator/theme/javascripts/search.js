// Answers the theme's own search box from the Pagefind index in pagefind/ at the site
// root. Every page is excluded from the theme's index, so its worker only ever finds
// nothing; this script keeps the theme's box, keyboard handling and result styles, and
// supplies the results. Two themes build this site from the same mkdocs.yml:
//
// - mkdocs-material: the box is in the page (input[data-md-component=search-query]);
// - Zensical: a button opens a dialog that its bundle draws in a shadow root on first
//   use. The results go in a list of our own beside the dialog's (hidden) one, in the
//   same markup as Material's, styled by stylesheets/search-results.css.
(function () {
  "use strict";

  var configElement = document.getElementById("__config");
  if (!configElement) return;
  var config = JSON.parse(configElement.textContent);
  var words = config.translations || {};
  // The project's own words, in the page's edition (generator/editions.py); the live
  // preview, which serves mkdocs.yml as it is, has none and shows the English.
  var wordsElement = document.getElementById("dossier-words");
  var own = wordsElement ? JSON.parse(wordsElement.textContent) : {};
  var highlight = (config.features || []).indexOf("search.highlight") !== -1;

  // config.base is relative to the current page ("../.." on an article). Resolved here,
  // once, it is the site root at any depth and under any path prefix, whereas
  // __md_scope can be moved by extra.scope and location.pathname depth guesses break
  // under a prefix.
  var root = new URL(config.base.replace(/\/?$/, "/"), location.href);

  var PAGE = 10;
  var SECTIONS = 2;
  var pagefind = null;

  // --- Facets: Pagefind filters (generator/views/facets.py), kept in the address -------

  // Each facet is a parameter of the address, as ?q= is: ?q=putin&kind=claim.
  var FACETS = ["kind", "year", "outlet", "language"];
  var KINDS = ["article", "actor", "event", "claim", "place", "other"];
  var selected = {};
  (function () {
    var params = new URLSearchParams(location.search);
    FACETS.forEach(function (facet) { selected[facet] = params.get(facet) || ""; });
  })();

  function chosen() {
    var filters = {};
    FACETS.forEach(function (facet) {
      if (selected[facet]) filters[facet] = selected[facet];
    });
    return filters;
  }

  function without(filters, facet) {
    var rest = {};
    Object.keys(filters).forEach(function (key) { if (key !== facet) rest[key] = filters[key]; });
    return rest;
  }

  var languageNames = null;
  try {
    languageNames = new Intl.DisplayNames([document.documentElement.lang || "en"],
                                          { type: "language" });
  } catch (error) { /* an older browser: the tag alone */ }

  // A facet's value as the reader reads it: kinds in the edition's words (#dossier-words),
  // a report's language by its name in the page's language (as on the article pages).
  function valueLabel(facet, value) {
    if (facet === "kind") return own["kind_" + value] || value;
    if (facet === "language") {
      var name = null;
      try { name = languageNames && languageNames.of(value); } catch (error) { name = null; }
      return name && name !== value ? name : value;
    }
    return value;
  }

  function ordered(facet, values) {
    if (facet === "kind") {
      return values.slice().sort(function (a, b) { return KINDS.indexOf(a) - KINDS.indexOf(b); });
    }
    if (facet === "year") return values.slice().sort().reverse();
    return values.slice().sort(function (a, b) {
      return valueLabel(facet, a).localeCompare(valueLabel(facet, b));
    });
  }

  // The address says what is searched, so that reloading or sharing it searches again.
  function remember(query) {
    var url = new URL(location.href);
    if (query.trim()) url.searchParams.set("q", query);
    else url.searchParams.delete("q");
    FACETS.forEach(function (facet) {
      if (selected[facet]) url.searchParams.set(facet, selected[facet]);
      else url.searchParams.delete(facet);
    });
    if (url.href !== location.href) history.replaceState(history.state, "", url.href);
  }

  function forget() {
    var url = new URL(location.href);
    ["q"].concat(FACETS).forEach(function (name) { url.searchParams.delete(name); });
    if (url.href !== location.href) history.replaceState(history.state, "", url.href);
  }

  function load() {
    if (!pagefind) {
      pagefind = import(new URL("pagefind/pagefind.js", root).href).then(function (module) {
        // An instance, not the module-level API: its init() resolves only when Pagefind
        // is ready to search, so the first search runs for the query as it stands then,
        // not for the first letter typed. baseUrl is stated so result URLs stay right
        // if the bundle moves.
        var instance = module.createInstance({ baseUrl: root.pathname, excerptLength: 24 });
        // Pagefind fetches a filter's index only when a search names it, and counts only
        // the filters it has: all of them are fetched once here, for the facets' counts.
        return instance.init()
          .then(function () { return instance.filters(); })
          .then(function () { return instance; });
      });
      pagefind.catch(function () {
        // A failed download is retried on the next query instead of failing forever.
        pagefind = null;
      });
    }
    return pagefind;
  }

  function warm() {
    load().catch(function () {});
  }

  function count(query, n) {
    if (!query.trim() && !Object.keys(chosen()).length) {
      return words["search.result.placeholder"] || "";
    }
    if (n === 0) return words["search.result.none"] || "";
    if (n === 1) return words["search.result.one"] || "1";
    return (words["search.result.other"] || "#").replace("#", n.toLocaleString());
  }

  // --- Rendering, in the markup of Material's own results -----------------------------

  function element(tag, className) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    return node;
  }

  function href(url, query) {
    var target = new URL(url, root);
    if (highlight) target.searchParams.set("h", query.trim().split(/\s+/).join(" "));
    return target.href;
  }

  // Pagefind 1.5 builds excerpts from the page's text with only < and > escaped (not &)
  // and wraps matches in <mark>. Everything that is not one of those wrappers is text:
  // it goes in as text nodes, so nothing from a page can become markup here.
  function excerptNodes(excerpt) {
    var fragment = document.createDocumentFragment();
    var marked = false;
    excerpt.split(/(<\/?mark>)/).forEach(function (part) {
      if (part === "<mark>") marked = true;
      else if (part === "</mark>") marked = false;
      else if (part) {
        var text = document.createTextNode(part.replace(/&lt;/g, "<").replace(/&gt;/g, ">"));
        if (marked) {
          var mark = element("mark");
          mark.appendChild(text);
          fragment.appendChild(mark);
        } else {
          fragment.appendChild(text);
        }
      }
    });
    return fragment;
  }

  function renderLink(url, query, score, heading, title, excerpt, parent, tabIndex) {
    var link = element("a", "md-search-result__link");
    link.href = href(url, query);
    link.tabIndex = tabIndex;
    var article = element("article", "md-search-result__article md-typeset");
    article.setAttribute("data-md-score", score.toFixed(2));
    if (parent) article.appendChild(element("div", "md-search-result__icon md-icon"));
    var title_ = element(heading);
    title_.textContent = title;
    article.appendChild(title_);
    if (excerpt) {
      var paragraph = element("p");
      paragraph.appendChild(excerptNodes(excerpt));
      article.appendChild(paragraph);
    }
    link.appendChild(article);
    return link;
  }

  // Like Material's own results: the page, then its best-matching sections. Pagefind's
  // sub-results cover the text before the first h2 too; that one is the page's excerpt.
  function renderItem(data, score, query, tabIndex) {
    var title = (data.meta && data.meta.title) || data.url;
    var best = (data.sub_results || []).slice()
      .sort(function (a, b) { return b.locations.length - a.locations.length; })
      .slice(0, SECTIONS)
      .sort(function (a, b) { return a.locations[0] - b.locations[0]; });
    var intro = best.filter(function (sub) {
      return sub.url.indexOf("#") === -1 || sub.title === title;
    })[0];
    var sections = best.filter(function (sub) { return sub !== intro; });
    var excerpt = intro ? intro.excerpt : sections.length ? "" : data.excerpt;
    var item = element("li", "md-search-result__item");
    item.appendChild(renderLink(data.url, query, score, "h1", title, excerpt, true, tabIndex));
    sections.forEach(function (sub) {
      item.appendChild(renderLink(sub.url, query, score, "h2", sub.title, sub.excerpt, false,
                                  tabIndex));
    });
    return item;
  }

  // One <select> per facet, each option with its count of results; a facet with no
  // value among the results is left out. The elements stay while the options change,
  // so a select keeps the focus as the reader moves through its options.
  function facetControls(container, onChange) {
    var selects = {};
    container.className = "dossier-search-facets";
    container.setAttribute("role", "group");
    container.setAttribute("aria-label", own.facets || "Narrow the results");
    container.hidden = true;
    FACETS.forEach(function (facet) {
      var label = element("label", "dossier-search-facets__facet");
      var name = element("span", "dossier-search-facets__name");
      name.textContent = own["facet_" + facet] || facet;
      var select = element("select", "dossier-search-facets__select");
      select.setAttribute("data-facet", facet);
      select.addEventListener("change", function () {
        selected[facet] = select.value;
        onChange();
      });
      label.append(name, select);
      container.appendChild(label);
      selects[facet] = select;
    });
    return function update(state) {
      container.hidden = !state.counts;
      if (!state.counts) return;
      FACETS.forEach(function (facet) {
        var select = selects[facet];
        var counts = state.counts[facet] || {};
        var values = Object.keys(counts).filter(function (value) {
          return counts[value] > 0 || value === selected[facet];
        });
        select.parentNode.hidden = values.length === 0;
        var options = [["", (own.any || "All") + " (" + state.totals[facet].toLocaleString() + ")"]]
          .concat(ordered(facet, values).map(function (value) {
            return [value, valueLabel(facet, value) + " (" + (counts[value] || 0).toLocaleString() + ")"];
          }));
        var signature = JSON.stringify(options);
        if (select.getAttribute("data-options") !== signature) {
          select.replaceChildren.apply(select, options.map(function (option) {
            var node = element("option");
            node.value = option[0];
            node.textContent = option[1];
            return node;
          }));
          select.setAttribute("data-options", signature);
        }
        select.value = selected[facet];
      });
    };
  }

  // --- Searching: one search at a time, for the newest query --------------------------

  // box: { input, meta, list, scrollwrap, initializing, tabIndex, owns(event), exclusive }.
  // Returns what the theme adapters need to keep the results painted.
  function answer(box) {
    var input = box.input;
    var meta = box.meta;
    var list = box.list;
    var latest = input.value;
    var running = false;
    var shown = null;
    var enterPending = false;
    var facets = facetControls(box.facets, function () {
      remember(input.value);
      request(input.value);
    });

    // What is asked: the query and the facets chosen.
    function wanted() {
      return latest + "\u0000" + JSON.stringify(chosen());
    }

    function request(query) {
      latest = query;
      if (shown === null) {
        // Until the first answer, keep the theme's "initializing" text: its worker would
        // otherwise announce "no matching documents" for a query that is still loading.
        show({ key: null, query: null, meta: box.initializing, nodes: [], results: [], items: [] });
      }
      if (!running) drain();
    }

    // Fast typing collapses into a single search instead of fetching result fragments
    // for every prefix.
    async function drain() {
      running = true;
      try {
        while (shown.key !== wanted()) {
          var key = wanted();
          var state = await search(latest, key);
          if (state && key === wanted()) show(state);
        }
      } catch (error) {
        // No index: a live preview serves the pages without one (`make site` builds it).
        show({ key: wanted(), query: latest,
               meta: own.unavailable || "Search is unavailable: its index is missing.", nodes: [],
               results: [], items: [] });
        console.warn("Pagefind search failed:", error);
      } finally {
        running = false;
      }
    }

    // The results of the query with the facets chosen, and for each facet how many
    // results each of its values would give: Pagefind counts that for a facet not yet
    // chosen; for a chosen one, it is asked again without that facet.
    async function search(query, key) {
      var state = { key: key, query: query, results: [], items: [], nodes: [], counts: null };
      var term = query.trim() ? query : null;
      var filters = chosen();
      if (term || Object.keys(filters).length) {
        var module = await load();
        // The first query waits for Pagefind to download; by then it is usually stale.
        if (key !== wanted()) return null;
        var found = await module.search(term, { filters: filters });
        if (key !== wanted()) return null;
        var none = !Object.keys(filters).length;
        // Pagefind counts filter values only for a search with a filter: its
        // totalFilters are the counts for the query alone.
        var alone = none ? await module.search(term, { filters: { kind: KINDS[0] } }) : found;
        if (key !== wanted()) return null;
        state.counts = {};
        state.totals = {};
        for (var i = 0; i < FACETS.length; i++) {
          var facet = FACETS[i];
          var others = without(filters, facet);
          var rest = found;
          if (!Object.keys(others).length) {
            rest = { filters: alone.totalFilters, results: { length: alone.unfilteredResultCount } };
          } else if (facet in filters) {
            rest = await module.search(term, { filters: others });
            if (key !== wanted()) return null;
          }
          state.counts[facet] = (rest.filters || {})[facet] || {};
          state.totals[facet] = rest.results.length;
        }
        state.results = found.results;
        state.items = await Promise.all(found.results.slice(0, PAGE).map(function (r) {
          return r.data();
        }));
        state.nodes = state.items.map(function (data, i) {
          return renderItem(data, state.results[i].score, query, box.tabIndex);
        });
      }
      state.meta = count(query, state.results.length);
      return state;
    }

    function show(state) {
      shown = state;
      paint();
      if (enterPending && state.key === wanted()) {
        enterPending = false;
        openFirst();
      }
    }

    function paint() {
      meta.textContent = shown.meta;
      if (shown.key !== null) facets(shown);
      list.replaceChildren.apply(list, shown.nodes);
    }

    function painted() {
      if (!shown) return true;
      if (meta.textContent !== shown.meta) return false;
      var children = list.children;
      if (children.length !== shown.nodes.length) return false;
      for (var i = 0; i < children.length; i++) {
        if (children[i] !== shown.nodes[i]) return false;
      }
      return true;
    }

    function openFirst() {
      var link = list.querySelector(".md-search-result__link");
      // A click, not location.assign: the theme closes its search dialog on clicks
      // inside it, exactly as for its own results.
      if (link) link.click();
    }

    async function more() {
      var state = shown;
      if (!state || state.loading || state.items.length >= state.results.length) return;
      state.loading = true;
      var start = state.items.length;
      var next = await Promise.all(state.results.slice(start, start + PAGE).map(function (r) {
        return r.data();
      }));
      state.loading = false;
      if (shown !== state) return;
      next.forEach(function (data, i) {
        var node = renderItem(data, state.results[start + i].score, state.query, box.tabIndex);
        state.items.push(data);
        state.nodes.push(node);
        list.appendChild(node);
      });
    }

    // Capture at window level runs before any listener the theme attached to the input.
    // Material's box is stopped there, so the typing never reaches its query handling.
    // Zensical's is not: its input is a controlled component that would put back the
    // value it last saw; its own answers are hidden instead.
    function stop(event) {
      if (box.exclusive) event.stopImmediatePropagation();
    }

    window.addEventListener("keyup", function (event) {
      if (box.owns(event)) stop(event);
    }, true);

    window.addEventListener("input", function (event) {
      if (!box.owns(event)) return;
      stop(event);
      if (!event.isComposing) {
        remember(input.value);
        request(input.value);
      }
    }, true);

    window.addEventListener("compositionend", function (event) {
      if (box.owns(event)) {
        remember(input.value);
        request(input.value);
      }
    }, true);

    window.addEventListener("keydown", function (event) {
      if (!box.owns(event) || event.key !== "Enter" || event.isComposing) return;
      // The theme's own Enter handler would look for results before a pending search
      // has answered; this one waits for the answer to the query as typed.
      event.preventDefault();
      event.stopImmediatePropagation();
      if (shown && shown.key === wanted() && !running) openFirst();
      else enterPending = true;
    }, true);

    window.addEventListener("reset", function (event) {
      // The form is emptied after the event, so read it afterwards. Clearing the search
      // clears its facets too.
      if (event.target === input.form) {
        FACETS.forEach(function (facet) { selected[facet] = ""; });
        setTimeout(function () {
          remember(input.value);
          request(input.value);
        });
      }
    }, true);

    box.scrollwrap.addEventListener("scroll", function () {
      var wrap = box.scrollwrap;
      if (wrap.scrollTop + wrap.clientHeight >= wrap.scrollHeight - 200) {
        more().catch(function (error) { console.warn("Pagefind search failed:", error); });
      }
    }, { passive: true });

    // The facets' own keys. Material closes its search on Tab and moves between the
    // results with the arrow keys wherever the focus is; in a facet, the keys are the
    // select's, and Tab moves between the input and the facets, round.
    window.addEventListener("keydown", function (event) {
      var target = event.composedPath()[0];
      var inFacets = box.facets.contains(target);
      var fromInput = box.exclusive && event.key === "Tab" && box.owns(event);
      if (event.key === "Escape" || !(inFacets || fromInput)) return;
      event.stopImmediatePropagation();
      if (event.key !== "Tab" || !box.exclusive) return;
      var ring = [input].concat(Array.prototype.filter.call(
        box.facets.querySelectorAll("select"), function (select) {
          return !box.facets.hidden && !select.parentNode.hidden;
        }));
      var at = ring.indexOf(target);
      event.preventDefault();
      ring[(at + (event.shiftKey ? ring.length - 1 : 1)) % ring.length].focus();
    }, true);

    // A deep link (?q=...&kind=...) fills the input before this script runs (Material)
    // or is typed into it once the dialog is open (Zensical).
    if (input.value || Object.keys(chosen()).length) request(input.value);
    return { paint: paint, painted: painted, request: request };
  }

  // --- mkdocs-material ----------------------------------------------------------------

  function material(input, output) {
    var meta = output.querySelector(".md-search-result__meta");
    var list = output.querySelector(".md-search-result__list");
    var focusedLink = null;
    var facets = element("div");
    output.insertBefore(facets, list);
    var results = answer({
      input: input, meta: meta, list: list, facets: facets, scrollwrap: output.parentElement,
      initializing: meta.textContent.trim(),
      // As in Material: results are reached with the arrow keys, not with Tab, which
      // closes the dialog.
      tabIndex: -1,
      exclusive: true,
      owns: function (event) { return event.target === input; }
    });

    window.addEventListener("focusin", function (event) {
      if (event.target === input) warm();
      focusedLink = list.contains(event.target) ? event.target : null;
    }, true);

    // Pagefind needs a few hundred milliseconds to start; a pointer over the search box
    // or its header button is the earliest sign that a search is coming.
    document.querySelectorAll(".md-search, .md-header [for=__search]").forEach(function (el) {
      el.addEventListener("pointerover", warm, { once: true, passive: true });
    });

    // Material's worker still answers whenever it notices a new value: when it becomes
    // ready and when focus enters or leaves the input (arrow keys move focus to the
    // results). Each answer is empty and empties the list and rewrites the count, so the
    // last results are put back; the link that had focus lost it when it was removed.
    new MutationObserver(function () {
      if (results.painted()) return;
      var refocus = focusedLink && !focusedLink.isConnected ? focusedLink : null;
      results.paint();
      if (refocus && refocus.isConnected &&
          (document.activeElement === document.body || document.activeElement === null)) {
        refocus.focus();
      }
    }).observe(output, { childList: true, characterData: true, subtree: true });

    // Material opens its search for ?q= and takes q out of the address when it closes;
    // here the same for the facets, and a link with facets but no query opens it too.
    var toggle = document.querySelector("input[data-md-toggle=search]");
    if (toggle) {
      toggle.addEventListener("change", function () { if (!toggle.checked) forget(); });
      if (!toggle.checked && Object.keys(chosen()).length) {
        toggle.checked = true;
        toggle.dispatchEvent(new CustomEvent("change"));
        input.focus();
      }
    }
  }

  // --- Zensical -----------------------------------------------------------------------

  // The dialog's parts are found by their roles: its class names are minified and
  // change between releases, its ARIA roles do not.
  function zensical(host) {
    var shadow = host.shadowRoot;
    var input = shadow.querySelector("dialog input[role=combobox]");
    var theirs = shadow.querySelector("dialog ol[role=listbox]");
    if (!input || !theirs) return false;
    host.setAttribute("data-pagefind-search", "");

    var style = element("link");
    style.rel = "stylesheet";
    style.href = new URL("stylesheets/search-results.css", root).href;
    var output = element("div", "md-search-result");
    var meta = element("div", "md-search-result__meta");
    meta.setAttribute("role", "status");
    meta.setAttribute("aria-live", "polite");
    var list = element("ol", "md-search-result__list");
    list.id = "pagefind-results";
    list.setAttribute("aria-label", own.results || "Search results");
    output.append(meta, list);
    // Their list and its count stay in place, hidden by the stylesheet, so that their
    // renderer finds what it expects; ours is put right after them.
    function place() {
      if (!style.isConnected) shadow.appendChild(style);
      if (!output.isConnected || output.previousElementSibling !== theirs) theirs.after(output);
    }
    place();
    input.setAttribute("aria-controls", list.id);

    var facets = element("div");
    output.insertBefore(facets, list);
    var results = answer({
      input: input, meta: meta, list: list, facets: facets, scrollwrap: theirs.parentElement,
      initializing: words["search.result.placeholder"] || "",
      tabIndex: 0,
      exclusive: false,
      owns: function (event) { return event.composedPath()[0] === input; }
    });

    // The arrow keys move between the input and the results, as in Material.
    shadow.addEventListener("keydown", function (event) {
      if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
      var links = Array.prototype.slice.call(list.querySelectorAll(".md-search-result__link"));
      var at = event.target === input ? -1 : links.indexOf(event.target);
      if (at === -1 && event.target !== input) return;
      var next = at + (event.key === "ArrowDown" ? 1 : -1);
      event.preventDefault();
      if (next < 0) input.focus();
      else if (next < links.length) links[next].focus();
    });

    // Their renderer redraws the dialog on every change of its own state; anything it
    // drops is put back.
    new MutationObserver(function () {
      place();
      if (!results.painted()) results.paint();
    }).observe(shadow, { childList: true, subtree: true });

    // The dialog is drawn, closed, with every page; Pagefind is fetched only when it is
    // opened (its input takes the focus), by a click or a keyboard shortcut.
    shadow.addEventListener("focusin", function (event) {
      if (event.target === input) warm();
    });

    // Zensical does not read ?q=: a shared search is opened and typed here, as a reader
    // would, so that the dialog's own state has the query too. Closing it takes the
    // search out of the address.
    var dialog = input.closest("dialog");
    if (dialog) dialog.addEventListener("close", forget);
    var query = new URLSearchParams(location.search).get("q") || "";
    if (query || Object.keys(chosen()).length) {
      var button = document.querySelector(".md-search__button");
      if (button && !(dialog && dialog.open)) button.click();
      setTimeout(function () {
        input.focus();
        if (!query) return;
        input.value = query;
        input.dispatchEvent(new Event("input", { bubbles: true, composed: true }));
      });
    }
    return true;
  }

  // The bundle adds the dialog's host to the body and draws the dialog, closed, into its
  // shadow root, soon after the page has loaded.
  function awaitZensicalDialog(button) {
    // Pagefind needs a few hundred milliseconds to start; a pointer over the button is
    // the earliest sign that a search is coming.
    button.addEventListener("pointerover", warm, { once: true, passive: true });
    var watched = new WeakSet();
    var done = false;
    function attach(host) {
      if (done || !zensical(host)) return;
      done = true;
      bodyWatcher.disconnect();
    }
    function scan() {
      Array.prototype.forEach.call(document.body.children, function (child) {
        if (!child.shadowRoot || watched.has(child)) return;
        watched.add(child);
        attach(child);
        if (done) return;
        var drawn = new MutationObserver(function () {
          attach(child);
          if (done) drawn.disconnect();
        });
        drawn.observe(child.shadowRoot, { childList: true, subtree: true });
      });
    }
    var bodyWatcher = new MutationObserver(scan);
    bodyWatcher.observe(document.body, { childList: true });
    scan();
  }

  var materialInput = document.querySelector("[data-md-component=search-query]");
  var materialOutput = document.querySelector("[data-md-component=search-result]");
  var zensicalButton = document.querySelector(".md-search__button");
  if (materialInput && materialOutput) material(materialInput, materialOutput);
  else if (zensicalButton) awaitZensicalDialog(zensicalButton);
})();
