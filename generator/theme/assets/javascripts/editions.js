// Material for MkDocs requests sitemap.xml beside every <link rel="alternate"> to map
// pages between languages (mkdocs-material#8576): beside a per-page alternate that file
// does not exist, and each page view would log a 404. The editions link every page to
// its own counterpart, so the language switch needs no map: those requests are not sent.
(function () {
  "use strict";

  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;

  function alternateSitemap(url) {
    var links = document.querySelectorAll('link[rel="alternate"][hreflang]');
    for (var i = 0; i < links.length; i++) {
      if (new URL("sitemap.xml", links[i].href).href === url) return true;
    }
    return false;
  }

  XMLHttpRequest.prototype.open = function (method, url) {
    this.editionsSkip = alternateSitemap(new URL(String(url), location.href).href);
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    if (this.editionsSkip) return undefined;
    return send.apply(this, arguments);
  };
})();
