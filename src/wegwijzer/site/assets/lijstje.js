/* /lijstje/: the saved places and people, in order; move, remove, print as one A4 handout with
   a QR code each, and share as a link whose fragment holds the list (no server ever sees it).
   The facts come from each item's own page (#ww-item, see render_lijstje.py), fetched through
   the service worker, so the list shows what the site says now, works offline once the pages
   are kept, and says so when a page has gone. Record text is only ever set as text. */
(function () {
  "use strict";
  var store = window.wegwijzerLijstje;
  var box = document.querySelector(".ww-lijstje");
  if (!store || !box) return;
  var config = JSON.parse(document.getElementById("lijstje-config").textContent);
  var root = new URL(box.getAttribute("data-root"), location.href).href;
  var listEl = document.getElementById("lijstje-items");
  var status = document.getElementById("lijstje-status");
  var buttons = document.getElementById("lijstje-knoppen");
  var sharedNote = document.getElementById("lijstje-gedeeld");
  var FIELDS = ["naam", "wat", "toegang", "hoe", "tel", "tel_link", "adres", "extra"];
  // The handout stays on one A4: long texts are cut (the QR code leads to the rest).
  var SHORT = {wat: 120, hoe: 130, adres: 90, extra: 80};
  var SHORTER = {wat: 80, hoe: 80, adres: 60, extra: 45}; // more than 4 items: two columns
  var letters = {};
  Object.keys(config.folders).forEach(function (letter) { letters[config.folders[letter]] = letter; });

  var items = [];      // {k, id, u, n, d?}: the list shown
  var shared = false;  // showing a list from the address that is not (yet) this browser's own
  var facts = {};      // key -> {state: "ok"|"weg"|"offline", d}
  var qr = null;       // lean-qr, once loaded

  // --- the list: this browser's, or one from the address --------------------------------
  function fromAddress() {
    var match = /^#lijst=([^&]*)/.exec(location.hash);
    if (!match) return null;
    var out = [], seen = {};
    decodeURIComponent(match[1]).split(",").forEach(function (token) {
      var part = /^([a-z])\.([a-z0-9-]{1,80})$/.exec(token);
      if (!part || !config.folders[part[1]]) return;
      var item = {k: part[1] === "g" ? "g" : "v", id: part[2], u: config.folders[part[1]] + "/" + part[2] + "/", n: ""};
      if (!store.valid(item) || seen[store.key(item)]) return;
      seen[store.key(item)] = true;
      out.push(item);
    });
    return out;
  }
  function sameKeys(a, b) { return a.map(store.key).join(",") === b.map(store.key).join(","); }
  function save() {
    if (shared) { history.replaceState(null, "", "#lijst=" + tokens()); return; }
    store.write(items.map(function (item) {
      var copy = {k: item.k, id: item.id, u: item.u, n: item.n};
      if (item.d) copy.d = item.d;
      return copy;
    }));
  }
  function tokens() {
    return items.map(function (item) {
      return (item.k === "g" ? "g" : letters[item.u.split("/")[0]]) + "." + item.id;
    }).join(",");
  }

  // --- facts from the item's own page ------------------------------------------------------
  function clean(data) {
    var out = {};
    FIELDS.forEach(function (field) {
      if (typeof data[field] === "string" && data[field].length <= 1000) out[field] = data[field];
    });
    if (out.tel_link && !/^\+?[0-9]{3,15}$/.test(out.tel_link)) delete out.tel_link;
    return out;
  }
  function fetchFacts(url) {
    return fetch(root + url, {credentials: "same-origin"}).then(function (response) {
      if (response.status === 404 || response.status === 410) return {state: "weg"};
      if (!response.ok) throw new Error("HTTP " + response.status);
      return response.text().then(function (html) {
        var el = new DOMParser().parseFromString(html, "text/html").getElementById("ww-item");
        if (!el) return {state: "weg"};
        return {state: "ok", d: clean(JSON.parse(el.textContent))};
      });
    });
  }
  // A record whose route changed lives under another folder now: look there before saying it has gone.
  function load(item) {
    var tries = [item.u];
    if (item.k === "v") {
      ["z", "s", "l"].forEach(function (letter) {
        var other = config.folders[letter] + "/" + item.id + "/";
        if (tries.indexOf(other) < 0) tries.push(other);
      });
    }
    function next(i) {
      return fetchFacts(tries[i]).then(function (found) {
        if (found.state === "weg" && i + 1 < tries.length) return next(i + 1);
        if (found.state === "ok") found.u = tries[i];
        return found;
      });
    }
    return next(0).catch(function () { return item.d ? {state: "ok", d: item.d, old: true} : {state: "offline"}; });
  }

  // --- drawing --------------------------------------------------------------------------
  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text) node.textContent = text;
    return node;
  }
  function short(text, field) {
    var max = (items.length > 4 ? SHORTER : SHORT)[field];
    if (!max || text.length <= max) return text;
    return text.slice(0, text.lastIndexOf(" ", max - 1)) + " …";
  }
  function fact(label, text, field) {
    var p = el("p", "ww-lijstje__feit");
    p.appendChild(el("strong", "", label + " "));
    p.appendChild(document.createTextNode(short(text, field)));
    return p;
  }
  function nameOf(item, f) { return (f && f.d && f.d.naam) || item.n || item.id; }

  function button(text, name, onClick) {
    var b = el("button", "ww-button ww-button--licht");
    b.type = "button";
    b.appendChild(document.createTextNode(text));
    b.appendChild(el("span", "ww-sr", " " + name));
    b.addEventListener("click", onClick);
    return b;
  }

  function drawItem(item, index) {
    var f = facts[store.key(item)];
    var name = nameOf(item, f);
    var li = el("li", "ww-lijstje__item");
    li.setAttribute("data-key", store.key(item));
    var text = el("div", "ww-lijstje__tekst");
    var heading = el("h2", "ww-lijstje__naam");
    var link = el("a", "", name);
    link.href = root + item.u;
    heading.appendChild(link);
    text.appendChild(heading);
    if (!f) {
      text.appendChild(el("p", "ww-muted", "Even laden …"));
    } else if (f.state === "weg") {
      li.classList.add("ww-lijstje__item--weg", "ww-noprint");
      text.appendChild(el("p", "ww-lijstje__weg", "Dit staat niet meer op de site. Misschien is de hulp gestopt. "
        + "Het komt niet op de print. Haal het weg van je lijstje."));
    } else if (f.state === "offline") {
      text.appendChild(el("p", "ww-lijstje__weg", "Er is nu geen internet. De gegevens kunnen niet worden geladen."));
    } else {
      var d = f.d;
      if (d.wat) text.appendChild(fact("Wat is het?", d.wat, "wat"));
      if (d.hoe) text.appendChild(fact("Hoe kom je er?", d.hoe, "hoe"));
      if (d.tel) {
        var p = el("p", "ww-lijstje__feit");
        p.appendChild(el("strong", "", "Bellen: "));
        var tel = el("a", "", d.tel);
        if (d.tel_link) tel.href = "tel:" + d.tel_link;
        p.appendChild(tel);
        text.appendChild(p);
      }
      if (d.adres) text.appendChild(fact("Adres:", d.adres, "adres"));
      if (d.extra) text.appendChild(el("p", "ww-lijstje__feit", short(d.extra, "extra")));
      if (f.old) text.appendChild(el("p", "ww-muted ww-noprint", "Zonder internet: dit zijn de gegevens van de vorige keer."));
    }
    li.appendChild(text);
    if (!f || f.state !== "weg") {
      var code = el("div", "ww-lijstje__qr");
      drawCode(code, root + item.u, name);
      li.appendChild(code);
    }
    var actions = el("div", "ww-lijstje__acties ww-noprint");
    var up = button("Omhoog", name, function () { move(item, -1, "up"); });
    var down = button("Omlaag", name, function () { move(item, 1, "down"); });
    var out = button("Haal weg", name, function () { remove(item); });
    up.setAttribute("data-move", "up");
    down.setAttribute("data-move", "down");
    out.setAttribute("data-move", "weg");
    up.disabled = index === 0;
    down.disabled = index === items.length - 1;
    actions.appendChild(up);
    actions.appendChild(down);
    actions.appendChild(out);
    li.appendChild(actions);
    return li;
  }

  function drawCode(box, url, name) {
    if (!qr) {
      box.appendChild(el("p", "ww-lijstje__adres", url));
      return;
    }
    var code = qr.generate(url, {minCorrectionLevel: qr.correction.M});
    var size = code.size, d = "";
    for (var y = 0; y < size; y++) {
      for (var x = 0; x < size; x++) if (code.get(x, y)) d += "M" + x + " " + y + "h1v1h-1z";
    }
    var ns = "http://www.w3.org/2000/svg";
    var svg = document.createElementNS(ns, "svg");
    svg.setAttribute("viewBox", "-4 -4 " + (size + 8) + " " + (size + 8));
    svg.setAttribute("class", "ww-qr");
    svg.setAttribute("role", "img");
    svg.setAttribute("aria-label", "QR-code naar de pagina van " + name);
    var back = document.createElementNS(ns, "rect");
    back.setAttribute("x", "-4"); back.setAttribute("y", "-4");
    back.setAttribute("width", String(size + 8)); back.setAttribute("height", String(size + 8));
    back.setAttribute("fill", "#fff");
    var path = document.createElementNS(ns, "path");
    path.setAttribute("d", d);
    path.setAttribute("fill", "#000");
    svg.appendChild(back);
    svg.appendChild(path);
    box.appendChild(svg);
    box.appendChild(el("p", "", "Scan voor meer"));
  }

  function draw(focusKey, focusMove) {
    var active = document.activeElement;
    if (!focusKey && active && listEl.contains(active) && active.closest("[data-key]")) {
      focusKey = active.closest("[data-key]").getAttribute("data-key");  // a redraw keeps the focus where it was
      focusMove = active.getAttribute("data-move");
    }
    listEl.textContent = "";
    items.forEach(function (item, i) { listEl.appendChild(drawItem(item, i)); });
    box.classList.toggle("ww-lijstje--klein", items.length > 4);
    buttons.hidden = items.length === 0;
    var gone = items.filter(function (item) { var f = facts[store.key(item)]; return f && f.state === "weg"; }).length;
    if (!items.length) {
      status.textContent = "Er staat nog niets op je lijstje. Druk op Bewaar bij een voorziening of een gezicht.";
    } else {
      status.textContent = "Er " + (items.length === 1 ? "staat 1 ding" : "staan " + items.length + " dingen")
        + " op " + (shared ? "dit gedeelde lijstje" : "je lijstje") + "."
        + (gone ? " " + (gone === 1 ? "1 staat" : gone + " staan") + " niet meer op de site." : "");
    }
    if (focusKey) {
      var li = listEl.querySelector('[data-key="' + focusKey + '"]');
      var target = li && (li.querySelector('[data-move="' + focusMove + '"]:not([disabled])')
                          || li.querySelector("button:not([disabled])"));
      if (target) target.focus();
    }
  }

  function move(item, step, direction) {
    var at = items.indexOf(item), to = at + step;
    if (at < 0 || to < 0 || to >= items.length) return;
    items.splice(at, 1);
    items.splice(to, 0, item);
    save();
    draw(store.key(item), direction);
  }
  // What a resident can do themselves first, then with others, then professional help, then the
  // people to call: the order of every list on the site (config.folders is in that order).
  function routeOrder() {
    var order = Object.keys(config.folders);
    function rank(item) { return order.indexOf(item.k === "g" ? "g" : letters[item.u.split("/")[0]]); }
    items = items.map(function (item, i) { return {item: item, i: i}; }).sort(function (a, b) {
      return rank(a.item) - rank(b.item) || a.i - b.i;
    }).map(function (pair) { return pair.item; });
    save();
    draw();
  }
  function remove(item) {
    var at = items.indexOf(item);
    if (at < 0) return;
    items.splice(at, 1);
    save();
    draw(items[Math.min(at, items.length - 1)] ? store.key(items[Math.min(at, items.length - 1)]) : null, "up");
    if (!items.length) status.focus();
  }

  function loadAll() {
    items.forEach(function (item) {
      var k = store.key(item);
      load(item).then(function (found) {
        facts[k] = found;
        if (found.state === "ok") {
          if (found.u) item.u = found.u;
          item.n = found.d.naam || item.n;
          if (!found.old) item.d = found.d;
          if (!shared) save();
        }
        draw();
      });
    });
  }

  // --- print, share, empty ------------------------------------------------------------------
  function today() {
    return new Intl.DateTimeFormat("nl-NL", {day: "numeric", month: "long", year: "numeric",
                                            timeZone: "Europe/Amsterdam"}).format(new Date());
  }
  function shareLink() { return root + "lijstje/#lijst=" + tokens(); }
  function showLink(link) {
    var wrap = document.getElementById("lijstje-link");
    var field = document.getElementById("lijstje-link-veld");
    var said = document.getElementById("lijstje-link-status");
    wrap.hidden = false;
    field.value = link;
    field.focus();
    field.select();
    var copied = navigator.clipboard && window.isSecureContext ? navigator.clipboard.writeText(link) : Promise.reject();
    copied.then(function () {
      said.textContent = "De link is gekopieerd. Plak hem in WhatsApp, een sms of een e-mail.";
    }, function () {
      said.textContent = "Kopieer de link hierboven en stuur hem naar de telefoon.";
    });
  }
  function share() {
    var link = shareLink();
    if (navigator.share) {
      navigator.share({title: "Hulp in " + config.gemeente, text: "Hier kun je terecht:", url: link})
        .catch(function (err) { if (!err || err.name !== "AbortError") showLink(link); });
    } else {
      showLink(link);
    }
  }
  var emptying = false;
  function empty(event) {
    if (!emptying) {
      emptying = true;
      event.currentTarget.textContent = "Weet je het zeker? Druk nog een keer";
      return;
    }
    emptying = false;
    event.currentTarget.textContent = "Maak het lijstje leeg";
    items = [];
    save();
    draw();
  }

  function adoptShared(list) {
    var own = store.read();
    if (!own.length || sameKeys(own, list)) {
      items = list;
      shared = false;
      save();
      history.replaceState(null, "", location.pathname);
      sharedNote.textContent = "Dit lijstje is met je gedeeld. Het staat nu ook op dit apparaat bewaard.";
      sharedNote.hidden = false;
      return;
    }
    items = list;
    shared = true;
    sharedNote.textContent = "";
    sharedNote.appendChild(el("p", "", "Dit lijstje is met je gedeeld. Je eigen lijstje is niet veranderd."));
    var keep = el("button", "ww-button", "Zet dit op mijn lijstje");
    keep.type = "button";
    keep.addEventListener("click", function () {
      var mine = store.read();
      items.forEach(function (item) {
        if (mine.length < config.max && mine.map(store.key).indexOf(store.key(item)) < 0) mine.push(item);
      });
      store.write(mine);
      location.replace(location.pathname);
    });
    sharedNote.appendChild(keep);
    sharedNote.hidden = false;
  }

  function start() {
    document.querySelectorAll("[data-lijstje-datum]").forEach(function (node) { node.textContent = today(); });
    document.querySelectorAll("[data-lijstje-site]").forEach(function (node) { node.textContent = root; });
    var list = fromAddress();
    if (list) {
      if (list.length > config.max) list = list.slice(0, config.max);
      adoptShared(list);
    } else {
      items = store.read();
    }
    if (!store.works()) status.textContent = "Je browser bewaart niets: het lijstje werkt hier niet.";
    document.getElementById("lijstje-print").addEventListener("click", function () { window.print(); });
    document.getElementById("lijstje-deel").addEventListener("click", share);
    document.getElementById("lijstje-leeg").addEventListener("click", empty);
    document.getElementById("lijstje-volgorde").addEventListener("click", routeOrder);
    status.setAttribute("tabindex", "-1");
    draw();
    loadAll();
    if (items.length) store.keepOffline([]);
    if (config.qr) {
      import(new URL(config.qr, location.href).href).then(function (lib) { qr = lib; draw(); }).catch(function () {});
    }
  }
  start();
})();
