/* The search page. Reads and writes ?q=&route=&thema=&doelgroep=&kern=&toegang= so a
 * search can be shared. Backends share one interface:
 *   init(config) -> Promise; search(params) -> Promise<{total, facets, hits}>
 * facets: {name: {value: count}}; hits: [{url, title, samenvatting, soort, toegang, telefoon, tel, status, wachttijd}]
 * (Meilisearch hits may add titleParts/samenvattingParts: [[text, marked]], and afstand in metres).
 * Pagefind is built in; #zoek-config {"backend": "meilisearch", url, index, key} switches to
 * Meilisearch, with Pagefind as the fallback when it errors or takes longer than 1.5 s. */
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
  var panel = document.getElementById("zoek-filters");
  var chosen = document.getElementById("zoek-filters-gekozen");
  var ALSO = {doelgroep: root.getAttribute("data-everyone"), kern: root.getAttribute("data-whole")};
  // The page's filter names and the Meilisearch document fields (search/documents.py).
  var MEILI_FIELDS = {route: "route", thema: "themas", doelgroep: "doelgroepen", kern: "kernen", toegang: "toegang"};
  var MEILI_TIMEOUT_MS = 1500;
  var FALLBACK_NOTE = "Zoeken gaat even via de eenvoudige zoekfunctie.";

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
                        functie: m.functie, wachttijd: m.wachttijd};
              })
            };
          });
        });
      }
    },

    // Straight to Meilisearch's search route with the search-only key; no client library.
    meilisearch: {
      init: function (cfg) {
        this.cfg = cfg;
        return Promise.resolve();
      },
      search: function (params) {
        var self = this, cfg = this.cfg, tags = randomTags(), filter = [];
        Object.keys(MEILI_FIELDS).forEach(function (f) {
          if (!params[f]) return;
          filter.push(MEILI_FIELDS[f] + " = " + filterString(params[f]));
        });
        var body = {
          q: params.q, limit: params.limit || PAGE_SIZE,
          facets: ["soort", "route", "themas", "doelgroepen", "kernen", "toegang"],
          attributesToRetrieve: ["url", "soort", "record_id", "naam", "samenvatting", "toegang", "status", "telefoon",
                                 "trefwoorden", "wachttijd"],
          attributesToHighlight: ["naam", "samenvatting"], highlightPreTag: tags[0], highlightPostTag: tags[1],
          attributesToCrop: ["samenvatting"], cropLength: 30
        };
        if (filter.length) body.filter = filter;
        if (params.near) {
          body.sort = ["_geoPoint(" + params.near.lat + ", " + params.near.lng + "):asc"];
          body.attributesToRetrieve.push("_geo");  // Meilisearch adds _geoDistance only when _geo is retrieved
        }
        var ctrl = new AbortController();
        var timer = setTimeout(function () { ctrl.abort(); }, MEILI_TIMEOUT_MS);
        return fetch(cfg.url + "/indexes/" + encodeURIComponent(cfg.index) + "/search", {
          method: "POST", body: JSON.stringify(body), signal: ctrl.signal, credentials: "omit",
          headers: {"Content-Type": "application/json", "Authorization": "Bearer " + cfg.key}
        }).then(function (r) {
          if (!r.ok) throw new Error("Meilisearch HTTP " + r.status);
          return r.json();  // still under the timer: a body that never ends is aborted too
        }).then(function (data) {
          clearTimeout(timer);
          return self.toResult(data, tags);
        }, function (err) { clearTimeout(timer); throw err; });
      },
      toResult: function (data, tags) {
        if (!data || !Array.isArray(data.hits)) throw new Error("Meilisearch: unexpected answer");
        var fd = data.facetDistribution || {};
        return {
          total: typeof data.estimatedTotalHits === "number" ? data.estimatedTotalHits
            : (typeof data.totalHits === "number" ? data.totalHits : data.hits.length),
          facets: {soort: fd.soort || {}, route: fd.route || {}, thema: fd.themas || {},
                   doelgroep: fd.doelgroepen || {}, kern: fd.kernen || {}, toegang: fd.toegang || {}},
          hits: data.hits.map(function (d) { return meiliHit(d, tags); })
        };
      }
    }
  };

  function meiliHit(d, tags) {
    var f = d._formatted || {}, phones = Array.isArray(d.telefoon) ? d.telefoon : [];
    var url = new URL(String(d.url || ""), siteRoot);
    var hit = {url: url.origin === siteRoot.origin ? url.href : siteRoot.href,
               title: text(d.naam) || url.pathname, soort: text(d.soort), toegang: text(d.toegang),
               status: text(d.status), telefoon: text(phones[0]), tel: text(phones[0]).replace(/[^0-9+]/g, ""),
               wachttijd: text(d.wachttijd)};
    hit.titleParts = markedParts(f.naam, tags);
    if (d.soort === "gezicht") {  // as on the face's own page: role first, then what to call about
      hit.functie = text(d.samenvatting);
      var vragen = Array.isArray(d.trefwoorden) ? d.trefwoorden.map(text).join(", ") : "";
      hit.samenvatting = vragen ? "Bel over: " + vragen : "";
    } else {
      hit.samenvatting = text(d.samenvatting);
      hit.samenvattingParts = markedParts(f.samenvatting, tags);
    }
    if (typeof d._geoDistance === "number") hit.afstand = d._geoDistance;
    return hit;
  }
  function text(v) { return typeof v === "string" ? v : (typeof v === "number" ? String(v) : ""); }
  // Highlight tags nobody can guess, so a record's text can never pose as one.
  function randomTags() {
    var a = new Uint32Array(4);
    crypto.getRandomValues(a);
    var id = Array.prototype.map.call(a, function (n) { return n.toString(36); }).join("");
    return ["\u2983" + id + "\u2984", "\u2983/" + id + "\u2984"];
  }
  // "…text PRE word POST text…" -> [["…text ", false], ["word", true], [" text…", false]].
  // Only our own tags become <mark> (in appendParts, as elements); everything else stays text.
  function markedParts(s, tags) {
    if (typeof s !== "string") return null;
    var parts = [];
    s.split(tags[0]).forEach(function (chunk, i) {
      var end = i ? chunk.indexOf(tags[1]) : -1;
      if (end >= 0) {
        parts.push([chunk.slice(0, end), true]);
        chunk = chunk.slice(end + tags[1].length);
      }
      parts.push([chunk.split(tags[1]).join(""), false]);
    });
    return parts.filter(function (p) { return p[0]; });
  }
  function appendParts(node, parts) {
    parts.forEach(function (p) {
      node.appendChild(p[1] ? el("mark", null, p[0]) : document.createTextNode(p[0]));
    });
  }
  // A string in Meilisearch's filter syntax: backslash and double quote escaped.
  function filterString(v) { return '"' + String(v).replace(/\\/g, "\\\\").replace(/"/g, '\\"') + '"'; }
  function distance(m) { return (Math.max(m, 100) / 1000).toFixed(1).replace(".", ",") + " km"; }

  // Pagefind's excerpt is HTML with <mark>: parsed inert (no scripts, no image loads), text only.
  function stripTags(s) { return new DOMParser().parseFromString(s || "", "text/html").body.textContent; }

  function paramsFromUrl() {
    var u = new URLSearchParams(location.search), p = {q: (u.get("q") || "").trim()};
    FACETS.forEach(function (f) { p[f] = knownValue(f, u.get(f) || ""); });
    return p;
  }
  // Filter values are slugs; an address may still name a kern as it is written
  // (?kern=Sint-Odiliënberg): that finds its slug through the labels.
  function knownValue(facet, value) {
    var known = labels[facet] || {};
    if (!value || known.hasOwnProperty(value)) return value;
    var wanted = value.toLowerCase();
    var match = Object.keys(known).filter(function (k) { return String(known[k]).toLowerCase() === wanted; });
    return match.length ? match[0] : value;
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
    var h3 = el("h3", "ww-card__title"), a = el("a", null, h.titleParts ? null : h.title);
    if (h.titleParts) appendParts(a, h.titleParts);
    a.href = h.url;
    h3.appendChild(a); li.appendChild(h3);
    var badges = el("p", "ww-card__badges");
    if (h.toegang && labels.toegang[h.toegang]) badges.appendChild(el("span", "ww-badge ww-badge--" + h.toegang, labels.toegang[h.toegang]));
    if (h.status === "tijdelijk-gesloten") badges.appendChild(el("span", "ww-badge ww-badge--status", "Tijdelijk gesloten"));
    if (h.status === "gestopt") badges.appendChild(el("span", "ww-badge ww-badge--status", "Gestopt"));
    badges.appendChild(el("span", "ww-route", labels.soort[h.soort] || ""));
    li.appendChild(badges);
    if (h.functie) li.appendChild(el("p", "ww-card__provider", h.functie));
    if (h.samenvattingParts) {
      var sum = el("p", "ww-card__summary");
      appendParts(sum, h.samenvattingParts);
      li.appendChild(sum);
    } else if (h.samenvatting) li.appendChild(el("p", "ww-card__summary", h.samenvatting));
    if (h.wachttijd) li.appendChild(el("p", "ww-card__waiting", "Wachttijd: " + h.wachttijd));
    if (typeof h.afstand === "number") li.appendChild(el("p", "ww-card__distance", "Afstand: " + distance(h.afstand)));
    if (h.tel && /^\+?[0-9]+$/.test(h.tel)) {
      var p = el("p", "ww-card__phone"), t = el("a", "ww-phone", h.telefoon || h.tel);
      t.href = "tel:" + h.tel;
      p.appendChild(t); li.appendChild(p);
    }
    return li;
  }
  // Pagefind's filter index grows with the data (160 kB at 10,000 records): it is fetched
  // when the filter panel is open, so a phone that only searches does not pay for it.
  var countsWanted = null;
  function loadCounts() {
    var q = countsWanted, p = current;
    if (!q || !panel.open || !backend.facets) return;
    countsWanted = null;
    backend.facets(q).then(function (f) { if (current === p) updateFacets(f); }, function () {});
  }
  function showChosen(p) {
    var n = FACETS.filter(function (f) { return p[f]; }).length;
    chosen.textContent = n ? "(" + n + " gekozen)" : "";
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

  var meili = config.backend === "meilisearch" && config.url && config.key && window.fetch && window.AbortController;
  var backend = meili ? backends.meilisearch : backends.pagefind;
  var near = null, nearButton = null;  // {lat, lng} after "Bij mij in de buurt"
  var ready = null, current = null, shown = PAGE_SIZE;

  // Meilisearch failed (error, unreachable, too slow, odd answer): Pagefind from now on.
  function search(q) {
    var used = backend;
    ready = ready || used.init(config);
    return ready.then(function () { return used.search(q); }).catch(function (err) {
      if (used === backends.pagefind) throw err;
      if (backend === used) {
        backend = backends.pagefind; ready = null; near = null;
        if (nearButton) nearButton.hidden = true;
      }
      return search(Object.assign({}, q, {near: null})).then(function (res) { res.fellBack = true; return res; });
    });
  }

  function run(p, limit) {
    if (!p.q && !near && !FACETS.some(function (f) { return p[f]; })) {
      list.textContent = ""; more.hidden = true;
      status.textContent = "Typ een woord of kies een filter.";
      return Promise.resolve();
    }
    status.textContent = "Bezig met zoeken…";
    current = p;
    var q = Object.assign({}, p, {limit: limit, near: near});
    return search(q).then(function (res) {
      if (current !== p) return;  // a newer search started
      list.textContent = "";
      res.hits.forEach(function (h) { list.appendChild(renderHit(h)); });
      // Counts fill in silently (option texts are not announced) once they are known.
      if (res.facets) updateFacets(res.facets);
      else countsWanted = q;
      loadCounts();
      status.textContent = (res.total === 1 ? "1 resultaat" : res.total + " resultaten")
        + (res.fellBack ? ". " + FALLBACK_NOTE : "");
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
      var p = paramsFromForm(); writeUrl(p); showChosen(p); shown = PAGE_SIZE; run(p, shown);
    });
  });
  panel.addEventListener("toggle", loadCounts);
  more.addEventListener("click", function () { shown += PAGE_SIZE; run(current, shown); });

  // "Bij mij in de buurt": only with Meilisearch; the location is asked for on click only,
  // rounded to about 100 m, sent to nobody but the search server and never put in the URL.
  if (meili && navigator.geolocation) {
    nearButton = el("button", "ww-button ww-near", "Bij mij in de buurt");
    nearButton.type = "button";
    nearButton.setAttribute("aria-pressed", "false");
    var holder = el("p", "ww-near-row");
    holder.appendChild(nearButton);
    form.appendChild(holder);
    nearButton.addEventListener("click", function () {
      var rerun = function () { var p = paramsFromForm(); writeUrl(p); shown = PAGE_SIZE; run(p, shown); };
      if (near) { near = null; nearButton.setAttribute("aria-pressed", "false"); rerun(); return; }
      status.textContent = "Je locatie opvragen…";
      navigator.geolocation.getCurrentPosition(function (pos) {
        if (backend !== backends.meilisearch) return;
        near = {lat: Math.round(pos.coords.latitude * 1000) / 1000, lng: Math.round(pos.coords.longitude * 1000) / 1000};
        nearButton.setAttribute("aria-pressed", "true");
        rerun();
      }, function () {
        status.textContent = "Je locatie is niet bekend. Je kunt ook een dorp of wijk kiezen.";
      }, {maximumAge: 600000, timeout: 15000});
    });
  }

  var start = paramsFromUrl();
  fillForm(start);
  showChosen(start);
  if (window.matchMedia("(min-width: 45em)").matches || FACETS.some(function (f) { return start[f]; })) {
    panel.open = true;
  }
  run(start, shown);
})();
