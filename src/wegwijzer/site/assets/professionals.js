/* /voor-professionals/: filter the faces by kern, theme and target group. The choice lives in
   the address (?kern=…&thema=…&doelgroep=…, as on /zoeken/), so a practice bookmarks its own
   view. Without this file the page shows every face. */
(function () {
  "use strict";
  var page = document.querySelector(".ww-pro");
  var form = document.getElementById("pro-filters");
  if (!page || !form) return;
  var KEYS = ["kern", "thema", "doelgroep"];
  var everywhere = page.getAttribute("data-everywhere");
  var groups = Array.prototype.slice.call(page.querySelectorAll(".ww-pro-groep"));
  var status = document.getElementById("pro-status");
  var search = document.getElementById("pro-zoeken");
  var searchBase = search.getAttribute("href");

  function has(list, value) { return (list || "").split(" ").indexOf(value) >= 0; }
  function fits(list, value) { return !value || list === everywhere || has(list, value); }
  function chosen() {
    var out = {};
    KEYS.forEach(function (key) { out[key] = form.elements[key].value; });
    return out;
  }
  function fromAddress() {
    var params = new URLSearchParams(location.search);
    KEYS.forEach(function (key) {
      var select = form.elements[key], wanted = params.get(key) || "";
      var known = Array.prototype.some.call(select.options, function (o) { return o.value === wanted; });
      select.value = known ? wanted : "";
    });
  }
  function query(f) {
    var params = new URLSearchParams();
    KEYS.forEach(function (key) { if (f[key]) params.set(key, f[key]); });
    return params.toString();
  }
  function apply() {
    var f = chosen(), shown = 0;
    groups.forEach(function (group) {
      var ok = (!f.thema || has(group.getAttribute("data-themas"), f.thema))
        && fits(group.getAttribute("data-doelgroepen"), f.doelgroep);
      var faces = 0;
      group.querySelectorAll("[data-kernen]").forEach(function (face) {
        var show = ok && fits(face.getAttribute("data-kernen"), f.kern);
        face.hidden = !show;
        if (show) faces++;
      });
      group.hidden = faces === 0;
      shown += faces;
    });
    var q = query(f);
    status.textContent = (shown === 1 ? "1 gezicht" : shown + " gezichten") + (q ? " voor deze keuze." : ".")
      + (q && !shown ? " Kies minder filters, of zoek in alle voorzieningen." : "");
    search.setAttribute("href", searchBase + (q ? "?" + q : ""));
    return q;
  }
  function update() {
    var q = apply();
    history.replaceState(null, "", location.pathname + (q ? "?" + q : ""));
  }
  form.addEventListener("change", update);
  form.addEventListener("submit", function (event) { event.preventDefault(); update(); });
  document.getElementById("pro-wis").addEventListener("click", function (event) {
    event.preventDefault();
    KEYS.forEach(function (key) { form.elements[key].value = ""; });
    update();
  });
  fromAddress();
  apply();
})();
