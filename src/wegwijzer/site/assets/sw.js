/* Wegwijzer's service worker, for the lijstje offline. It is registered only once someone saves
   something (bewaar.js) and keeps the site's own pages, scripts and photos that pass through it:
   pages network first (the newest when online, the kept copy offline), hashed files cache first.
   It never touches other sites, Pagefind's index, vCards or anything but GET, and keeps at most
   MAX_ENTRIES answers. */
"use strict";
var CACHE = "wegwijzer-lijstje-v1"; // the same name as in bewaar.js
var MAX_ENTRIES = 400;
var SCOPE = self.registration.scope;

// On install: the lijstje page and the scripts, style sheets and QR library it needs.
self.addEventListener("install", function (event) {
  event.waitUntil(keepListPage().then(function () { return self.skipWaiting(); }));
});
self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (n) { return n.indexOf("wegwijzer-lijstje-") === 0 && n !== CACHE; })
      .map(function (n) { return caches.delete(n); }));
  }).then(function () { return self.clients.claim(); }));
});

function keepListPage() {
  var page = new URL("lijstje/", SCOPE).href;
  return caches.open(CACHE).then(function (cache) {
    return fetch(page).then(function (response) {
      if (!response.ok) return undefined;
      return response.clone().text().then(function (html) {
        var wanted = {};
        html.replace(/["'(]((?:\.\.\/)*assets\/[A-Za-z0-9_.\/-]+\.(?:css|js|mjs|svg))/g, function (_, path) {
          wanted[new URL(path, page).href] = true;
          return "";
        });
        return cache.put(page, response).then(function () {
          return Promise.all(Object.keys(wanted).map(function (url) { return cache.add(url).catch(function () {}); }));
        });
      });
    }).catch(function () {});
  });
}

function handled(url) {
  return url.origin === self.location.origin && url.href.indexOf(SCOPE) === 0
    && !/\/pagefind\/|\.vcf$|\/admin\//.test(url.pathname);
}
function immutable(url) { return /\/(assets|fotos)\//.test(url.pathname); }

function keep(request, response) {
  if (!response || !response.ok || response.type !== "basic") return;
  var copy = response.clone();
  caches.open(CACHE).then(function (cache) {
    return cache.put(request.url.split("#")[0], copy).then(function () { return trim(cache); });
  }).catch(function () {});
}
function trim(cache) {
  return cache.keys().then(function (keys) {
    return Promise.all(keys.slice(0, Math.max(0, keys.length - MAX_ENTRIES)).map(function (k) { return cache.delete(k); }));
  });
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET") return;
  var url = new URL(request.url);
  if (!handled(url)) return;
  if (immutable(url)) {
    event.respondWith(caches.match(request).then(function (hit) {
      return hit || fetch(request).then(function (response) { keep(request, response); return response; });
    }));
    return;
  }
  event.respondWith(fetch(request).then(function (response) {
    keep(request, response);
    return response;
  }).catch(function () {
    return caches.match(request, {ignoreSearch: true}).then(function (hit) { return hit || Response.error(); });
  }));
});
