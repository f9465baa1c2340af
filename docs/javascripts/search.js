// Answers Material's own search box from the Pagefind index in pagefind/ at the site root.
// Every page is excluded from Material's index, so its worker only ever finds nothing;
// this script keeps Material's box, keyboard handling and result styles, and supplies
// the results.
(function () {
  "use strict";

  var input = document.querySelector("[data-md-component=search-query]");
  var output = document.querySelector("[data-md-component=search-result]");
  var configElement = document.getElementById("__config");
  if (!input || !output || !configElement) return;

  var config = JSON.parse(configElement.textContent);
  var meta = output.querySelector(".md-search-result__meta");
  var list = output.querySelector(".md-search-result__list");
  var scrollwrap = output.parentElement;
  var words = config.translations || {};
  var highlight = (config.features || []).indexOf("search.highlight") !== -1;

  // config.base is relative to the current page ("../.." on an article). Resolved here,
  // once, it is the site root at any depth and under any path prefix, whereas
  // __md_scope can be moved by extra.scope and location.pathname depth guesses break
  // under a prefix.
  var root = new URL(config.base.replace(/\/?$/, "/"), location.href);

  var PAGE = 10;
  var SECTIONS = 2;
  var initializing = meta.textContent.trim();
  var pagefind = null;
  var latest = input.value;
  var running = false;
  var shown = null;
  var enterPending = false;
  var focusedLink = null;

  function load() {
    if (!pagefind) {
      pagefind = import(new URL("pagefind/pagefind.js", root).href).then(function (module) {
        // An instance, not the module-level API: its init() resolves only when Pagefind
        // is ready to search, so the first search runs for the query as it stands then,
        // not for the first letter typed. baseUrl is stated so result URLs stay right
        // if the bundle moves.
        var instance = module.createInstance({ baseUrl: root.pathname, excerptLength: 24 });
        return instance.init().then(function () { return instance; });
      });
      pagefind.catch(function () {
        // A failed download is retried on the next query instead of failing forever.
        pagefind = null;
      });
    }
    return pagefind;
  }

  function request(query) {
    latest = query;
    if (shown === null) {
      // Until the first answer, keep Material's "initializing" text: its worker would
      // otherwise announce "no matching documents" for a query that is still loading.
      show({ query: null, meta: initializing, nodes: [], results: [], items: [] });
    }
    if (!running) drain();
  }

  // One search at a time, always for the newest query: fast typing collapses into a
  // single search instead of fetching result fragments for every prefix.
  async function drain() {
    running = true;
    try {
      while (shown.query !== latest) {
        var query = latest;
        var state = await search(query);
        if (state && query === latest) show(state);
      }
    } catch (error) {
      // No index: a live preview serves the pages without one (`make site` builds it).
      show({ query: latest, meta: "Search is unavailable: its index is missing.", nodes: [],
             results: [], items: [] });
      console.warn("Pagefind search failed:", error);
    } finally {
      running = false;
    }
  }

  async function search(query) {
    var state = { query: query, results: [], items: [], nodes: [] };
    if (query.trim()) {
      var module = await load();
      // The first query waits for Pagefind to download; by then it is usually stale.
      if (query !== latest) return null;
      var found = await module.search(query);
      if (query !== latest) return null;
      state.results = found.results;
      state.items = await Promise.all(found.results.slice(0, PAGE).map(function (r) {
        return r.data();
      }));
      state.nodes = state.items.map(function (data, i) {
        return renderItem(data, state.results[i].score, query);
      });
    }
    state.meta = count(query, state.results.length);
    return state;
  }

  function count(query, n) {
    if (!query.trim()) return words["search.result.placeholder"] || "";
    if (n === 0) return words["search.result.none"] || "";
    if (n === 1) return words["search.result.one"] || "1";
    return (words["search.result.other"] || "#").replace("#", n.toLocaleString());
  }

  function show(state) {
    shown = state;
    paint();
    if (enterPending && state.query === latest) {
      enterPending = false;
      openFirst();
    }
  }

  function paint() {
    meta.textContent = shown.meta;
    list.replaceChildren.apply(list, shown.nodes);
  }

  function painted() {
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
    // A click, not location.assign: Material closes the search dialog on clicks
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
      var node = renderItem(data, state.results[start + i].score, state.query);
      state.items.push(data);
      state.nodes.push(node);
      list.appendChild(node);
    });
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

  function renderLink(url, query, score, heading, title, excerpt, parent) {
    var link = element("a", "md-search-result__link");
    link.href = href(url, query);
    // As in Material: results are reached with the arrow keys, not with Tab, which
    // closes the dialog.
    link.tabIndex = -1;
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
  function renderItem(data, score, query) {
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
    item.appendChild(renderLink(data.url, query, score, "h1", title, excerpt, true));
    sections.forEach(function (sub) {
      item.appendChild(renderLink(sub.url, query, score, "h2", sub.title, sub.excerpt, false));
    });
    return item;
  }

  // --- Events --------------------------------------------------------------------------

  // Capture at window level runs before any listener Material attached to the input or
  // the window. Stopped here, the typing never reaches Material's query handling; it
  // only reads the input again on focus changes and when its worker is ready (see the
  // observer at the end).
  function own(event) {
    return event.target === input;
  }

  window.addEventListener("keyup", function (event) {
    if (own(event)) event.stopImmediatePropagation();
  }, true);

  window.addEventListener("input", function (event) {
    if (!own(event)) return;
    event.stopImmediatePropagation();
    if (!event.isComposing) request(input.value);
  }, true);

  window.addEventListener("compositionend", function (event) {
    if (own(event)) request(input.value);
  }, true);

  window.addEventListener("keydown", function (event) {
    if (!own(event) || event.key !== "Enter" || event.isComposing) return;
    // Material's own Enter handler would look for results before a pending search has
    // answered; this one waits for the answer to the query as typed.
    event.preventDefault();
    event.stopImmediatePropagation();
    if (shown && shown.query === latest && !running) openFirst();
    else enterPending = true;
  }, true);

  window.addEventListener("reset", function (event) {
    // The form is emptied after the event, so read it afterwards.
    if (event.target === input.form) setTimeout(function () { request(input.value); });
  }, true);

  function warm() {
    load().catch(function () {});
  }

  window.addEventListener("focusin", function (event) {
    if (own(event)) warm();
    focusedLink = list.contains(event.target) ? event.target : null;
  }, true);

  // Pagefind needs a few hundred milliseconds to start; a pointer over the search box
  // or its header button is the earliest sign that a search is coming.
  document.querySelectorAll(".md-search, .md-header [for=__search]").forEach(function (el) {
    el.addEventListener("pointerover", warm, { once: true, passive: true });
  });

  scrollwrap.addEventListener("scroll", function () {
    if (scrollwrap.scrollTop + scrollwrap.clientHeight >= scrollwrap.scrollHeight - 200) {
      more().catch(function (error) { console.warn("Pagefind search failed:", error); });
    }
  }, { passive: true });

  // Material's worker still answers whenever it notices a new value: when it becomes
  // ready and when focus enters or leaves the input (arrow keys move focus to the
  // results). Each answer is empty and empties the list and rewrites the count, so the
  // last results are put back; the link that had focus lost it when it was removed.
  new MutationObserver(function () {
    if (!shown || painted()) return;
    var refocus = focusedLink && !focusedLink.isConnected ? focusedLink : null;
    paint();
    if (refocus && refocus.isConnected &&
        (document.activeElement === document.body || document.activeElement === null)) {
      refocus.focus();
    }
  }).observe(output, { childList: true, characterData: true, subtree: true });

  // A deep link (?q=...) fills the input before this script runs.
  if (input.value) request(input.value);
})();
