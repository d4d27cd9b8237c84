/* The search page. Reads and writes ?q=&route=&thema=&doelgroep=&kern=&toegang= so a
 * search can be shared. Backends share one interface:
 *   init(config) -> Promise; search(params) -> Promise<{total, facets, hits}>
 * facets: {name: {value: count}}; hits: [{url, title, samenvatting, soort, toegang, telefoon, tel, status}].
 * Only Pagefind exists now; another backend (Meilisearch) plugs in via #zoek-config. */
(function () {
  "use strict";
  var FACETS = ["route", "thema", "doelgroep", "kern", "toegang"];
  var PAGE_SIZE = 10;  // each result is one small fragment download
  var root = document.querySelector(".ww-zoeken");
  if (!root) return;
  var siteRoot = new URL(root.getAttribute("data-root") || "../", location.href);
  var labels = JSON.parse(document.getElementById("zoek-labels").textContent);
  var config = JSON.parse(document.getElementById("zoek-config").textContent || "{}");
  var form = document.getElementById("zoekformulier");
  var status = document.getElementById("zoek-status");
  var list = document.getElementById("zoek-resultaten");
  var more = document.getElementById("zoek-meer");
  var ALSO = {doelgroep: root.getAttribute("data-everyone"), kern: root.getAttribute("data-whole")};

  var backends = {
    pagefind: {
      pf: null,
      init: function () {
        var self = this;
        return import(new URL("pagefind/pagefind.js", siteRoot).href).then(function (pf) {
          self.pf = pf;
          return pf.options({baseUrl: siteRoot.pathname, excerptLength: 24}).then(function () { return pf.init(); });
        });
      },
      // Filter counts need Pagefind's filter index (one file per filter). The results
      // come first; run() then asks for the counts: the same search again, naming every
      // shown filter (an empty `none` matches all) so Pagefind loads just those files,
      // not `soort`. Later searches get the counts directly.
      filtersLoaded: false,
      facets: function (params) {
        var self = this, filters = self.filtersFor(params);
        FACETS.forEach(function (f) { if (!filters[f]) filters[f] = {none: []}; });
        return self.pf.search(params.q ? params.q : null, {filters: filters}).then(function (res) {
          self.filtersLoaded = true;
          return res.filters || {};
        });
      },
      filtersFor: function (params) {
        var filters = {};
        FACETS.forEach(function (f) {
          if (!params[f]) return;
          // Records for everyone / the whole municipality match every group / kern.
          filters[f] = ALSO[f] ? {any: [params[f], ALSO[f]]} : params[f];
        });
        return filters;
      },
      search: function (params) {
        var pf = this.pf, filters = this.filtersFor(params), loaded = this.filtersLoaded;
        var term = params.q ? params.q : null;
        return pf.search(term, {filters: filters}).then(function (res) {
          var total = res.results.length;
          var wanted = res.results.slice(0, params.limit || PAGE_SIZE);
          return Promise.all(wanted.map(function (r) { return r.data(); })).then(function (datas) {
            return {
              total: total,
              facets: loaded ? res.filters || {} : null,  // null: ask facets() for the counts
              hits: datas.map(function (d) {
                var m = d.meta || {};
                return {url: d.url, title: m.title || d.url, samenvatting: m.samenvatting || stripTags(d.excerpt),
                        soort: m.soort, toegang: m.toegang, telefoon: m.telefoon, tel: m.tel, status: m.status,
                        functie: m.functie};
              })
            };
          });
        });
      }
    }
  };

  function stripTags(s) { var d = document.createElement("div"); d.innerHTML = s || ""; return d.textContent; }

  function paramsFromUrl() {
    var u = new URLSearchParams(location.search), p = {q: (u.get("q") || "").trim()};
    FACETS.forEach(function (f) { p[f] = u.get(f) || ""; });
    return p;
  }
  function paramsFromForm() {
    var p = {q: form.elements.q.value.trim()};
    FACETS.forEach(function (f) { p[f] = form.elements[f].value; });
    return p;
  }
  function fillForm(p) {
    form.elements.q.value = p.q;
    FACETS.forEach(function (f) {
      var sel = form.elements[f];
      if (p[f] && !Array.prototype.some.call(sel.options, function (o) { return o.value === p[f]; })) {
        sel.add(new Option(p[f], p[f]));
      }
      sel.value = p[f];
    });
  }
  function writeUrl(p) {
    var u = new URLSearchParams();
    if (p.q) u.set("q", p.q);
    FACETS.forEach(function (f) { if (p[f]) u.set(f, p[f]); });
    var qs = u.toString();
    history.replaceState(null, "", location.pathname + (qs ? "?" + qs : ""));
  }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;  // never innerHTML for result data
    return e;
  }
  function renderHit(h) {
    var li = el("li", "ww-card");
    var h3 = el("h3", "ww-card__title"), a = el("a", null, h.title);
    a.href = h.url;
    h3.appendChild(a); li.appendChild(h3);
    var badges = el("p", "ww-card__badges");
    if (h.toegang && labels.toegang[h.toegang]) badges.appendChild(el("span", "ww-badge ww-badge--" + h.toegang, labels.toegang[h.toegang]));
    if (h.status === "tijdelijk-gesloten") badges.appendChild(el("span", "ww-badge ww-badge--status", "Tijdelijk gesloten"));
    if (h.status === "gestopt") badges.appendChild(el("span", "ww-badge ww-badge--status", "Gestopt"));
    badges.appendChild(el("span", "ww-route", labels.soort[h.soort] || ""));
    li.appendChild(badges);
    if (h.functie) li.appendChild(el("p", "ww-card__provider", h.functie));
    if (h.samenvatting) li.appendChild(el("p", "ww-card__summary", h.samenvatting));
    if (h.tel && /^\+?[0-9]+$/.test(h.tel)) {
      var p = el("p", "ww-card__phone"), t = el("a", "ww-phone", h.telefoon || h.tel);
      t.href = "tel:" + h.tel;
      p.appendChild(t); li.appendChild(p);
    }
    return li;
  }
  function updateFacets(facets) {
    FACETS.forEach(function (f) {
      var counts = facets[f] || {};
      Array.prototype.forEach.call(form.elements[f].options, function (o) {
        if (!o.value) return;
        var base = (labels[f] && labels[f][o.value]) || o.value;
        if (!Object.keys(counts).length) { o.textContent = base; return; }
        var n = (counts[o.value] || 0) + (ALSO[f] ? counts[ALSO[f]] || 0 : 0);
        o.textContent = base + " (" + n + ")";
      });
    });
  }

  var backend = backends.pagefind;
  var ready = null, current = null, shown = PAGE_SIZE;

  function run(p, limit) {
    if (!p.q && !FACETS.some(function (f) { return p[f]; })) {
      list.textContent = ""; more.hidden = true;
      status.textContent = "Typ een woord of kies een filter.";
      return Promise.resolve();
    }
    status.textContent = "Bezig met zoeken…";
    ready = ready || backend.init(config);
    current = p;
    var q = Object.assign({}, p, {limit: limit});
    return ready.then(function () { return backend.search(q); }).then(function (res) {
      if (current !== p) return;  // a newer search started
      list.textContent = "";
      res.hits.forEach(function (h) { list.appendChild(renderHit(h)); });
      // Counts fill in silently (option texts are not announced) once they are known.
      if (res.facets) updateFacets(res.facets);
      else if (backend.facets) backend.facets(q).then(function (f) { if (current === p) updateFacets(f); }, function () {});
      status.textContent = res.total === 1 ? "1 resultaat" : res.total + " resultaten";
      more.hidden = res.total <= res.hits.length;
    }).catch(function () {
      status.textContent = "Zoeken lukt nu niet. Probeer het later opnieuw, of kies een thema op de homepagina.";
    });
  }

  form.addEventListener("submit", function (ev) {
    ev.preventDefault();
    var p = paramsFromForm();
    writeUrl(p); shown = PAGE_SIZE; run(p, shown);
  });
  FACETS.forEach(function (f) {
    form.elements[f].addEventListener("change", function () {
      var p = paramsFromForm(); writeUrl(p); shown = PAGE_SIZE; run(p, shown);
    });
  });
  more.addEventListener("click", function () { shown += PAGE_SIZE; run(current, shown); });

  var start = paramsFromUrl();
  fillForm(start);
  run(start, shown);
  window.wegwijzerSearch = {backends: backends};  // for the Meilisearch backend and tests
})();
