/* The lijstje on every page: the "Bewaar" buttons, the counter in the header, "Print als
   poster", and the service worker that keeps saved pages for offline use. The list lives in
   this browser only (localStorage): no account, no server. Every page works without this file. */
(function () {
  "use strict";
  var KEY = "wegwijzer-lijstje";
  var CACHE = "wegwijzer-lijstje-v1"; // the same name as in sw.js
  var MAX = 8; // what fits on one A4 handout (render_lijstje.MAX_ITEMS)
  var ID = /^[a-z0-9-]{1,80}$/;
  var PAGE = /^(zelf-doen|samen-doen|laten-doen|gezichtenkaart)\/([a-z0-9-]{1,80})\/$/;
  // The site root, from this script's own address (assets/wegwijzer/bewaar.<hash>.js): works under a sub-path.
  var me = document.currentScript;
  var root = me && me.src ? me.src.replace(/assets\/wegwijzer\/[^\/]*$/, "") : location.origin + "/";

  function valid(item) {
    if (!item || (item.k !== "v" && item.k !== "g") || !ID.test(item.id) || typeof item.u !== "string") return false;
    var page = PAGE.exec(item.u);
    return !!page && page[2] === item.id && (page[1] === "gezichtenkaart") === (item.k === "g")
      && typeof item.n === "string" && item.n.length <= 200;
  }
  function read() {
    try {
      var data = JSON.parse(localStorage.getItem(KEY) || "[]");
      return Array.isArray(data) ? data.filter(valid).slice(0, MAX) : [];
    } catch (e) { return []; }
  }
  function write(items) {
    try {
      localStorage.setItem(KEY, JSON.stringify(items.filter(valid).slice(0, MAX)));
    } catch (e) { return false; }
    refresh();
    return true;
  }
  function storageWorks() {
    try { localStorage.setItem(KEY + "-test", "1"); localStorage.removeItem(KEY + "-test"); return true; }
    catch (e) { return false; }
  }
  function key(item) { return item.k + ":" + item.id; }
  function indexOf(items, item) {
    for (var i = 0; i < items.length; i++) if (key(items[i]) === key(item)) return i;
    return -1;
  }

  // Offline: the service worker keeps every page it serves; the saved page is fetched into its cache now.
  function keepOffline(urls) {
    if (!("serviceWorker" in navigator) || !window.isSecureContext) return;
    navigator.serviceWorker.register(root + "sw.js", {scope: root}).catch(function () {});
    if (!window.caches) return;
    caches.open(CACHE).then(function (cache) {
      urls.forEach(function (url) { cache.add(url).catch(function () {}); });
    }).catch(function () {});
  }

  var live;
  function announce(text) {
    if (!live) {
      live = document.createElement("div");
      live.className = "ww-sr";
      live.setAttribute("role", "status");
      live.setAttribute("aria-live", "polite");
      document.body.appendChild(live);
    }
    live.textContent = "";
    window.setTimeout(function () { live.textContent = text; }, 50);
  }
  function countText(n) { return n === 1 ? "1 ding" : n + " dingen"; }

  function refresh() {
    var items = read();
    document.querySelectorAll("[data-ww-lijstje]").forEach(function (link) {
      link.hidden = items.length === 0 && !link.hasAttribute("data-ww-lijstje-altijd");
      var count = link.querySelector("[data-ww-lijstje-aantal]");
      if (count) count.textContent = String(items.length);
    });
    document.querySelectorAll("[data-ww-bewaar]").forEach(function (button) {
      var saved = indexOf(items, itemOf(button)) >= 0;
      button.setAttribute("aria-pressed", saved ? "true" : "false");
      var label = button.querySelector(".ww-bewaar__label");
      if (label) label.textContent = saved ? "Bewaard" : "Bewaar";
    });
  }
  function itemOf(button) {
    return {k: button.getAttribute("data-ww-bewaar"), id: button.getAttribute("data-id"),
            u: button.getAttribute("data-url"), n: button.getAttribute("data-naam") || ""};
  }
  function toggle(button) {
    var items = read(), item = itemOf(button), at = indexOf(items, item);
    if (!valid(item)) return;
    if (at >= 0) {
      items.splice(at, 1);
      write(items);
      announce(item.n + " is van je lijstje gehaald. Er staan nu " + countText(items.length) + " op.");
      return;
    }
    if (items.length >= MAX) {
      announce("Je lijstje is vol: er passen " + MAX + " dingen op één A4. Haal eerst iets weg.");
      window.alert("Je lijstje is vol: er passen " + MAX + " dingen op één A4. Haal eerst iets weg op je lijstje.");
      return;
    }
    items.push(item);
    if (write(items)) {
      announce(item.n + " staat op je lijstje. Er staan nu " + countText(items.length) + " op.");
      keepOffline([root + item.u, root + "lijstje/"]);
    }
  }

  function setupBewaar() {
    if (!storageWorks()) return; // private mode without storage: the buttons stay hidden
    document.querySelectorAll("[data-ww-bewaar]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () { toggle(button); });
    });
    refresh();
    window.addEventListener("storage", function (event) { if (event.key === KEY) refresh(); });
    if (read().length) keepOffline([]);
  }

  // A record page prints as a one-page poster (render_poster.py) when this button asks for it.
  function setupPoster() {
    document.querySelectorAll("[data-ww-poster]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () {
        document.documentElement.classList.add("ww-print-poster");
        window.print();
      });
    });
    window.addEventListener("afterprint", function () { document.documentElement.classList.remove("ww-print-poster"); });
  }

  window.wegwijzerLijstje = {read: read, write: write, valid: valid, key: key, max: MAX, root: root,
                             keepOffline: keepOffline, works: storageWorks};
  function ready() { setupBewaar(); setupPoster(); }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", ready); else ready();
})();
