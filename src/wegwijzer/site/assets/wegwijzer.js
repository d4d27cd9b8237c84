/* Small progressive enhancements; every page works without this file. */
(function () {
  "use strict";
  // "Open now" is computed in the browser, in Dutch time, so a cached page stays right.
  function amsterdamNow() {
    var parts = new Intl.DateTimeFormat("nl-NL", {timeZone: "Europe/Amsterdam", weekday: "short",
      hour: "2-digit", minute: "2-digit", hourCycle: "h23"}).formatToParts(new Date());
    var out = {};
    parts.forEach(function (p) { out[p.type] = p.value; });
    return {day: out.weekday.replace(".", "").slice(0, 2).toLowerCase(), minutes: (+out.hour) * 60 + (+out.minute)};
  }
  function toMinutes(t) { var p = t.split(":"); return (+p[0]) * 60 + (+p[1]); }
  function showOpenNow() {
    document.querySelectorAll("[data-hours]").forEach(function (el) {
      var hours; try { hours = JSON.parse(el.getAttribute("data-hours")); } catch (e) { return; }
      var now = amsterdamNow();
      var open = hours.some(function (h) {
        return h.d.indexOf(now.day) >= 0 && now.minutes >= toMinutes(h.van) && now.minutes < toMinutes(h.tot);
      });
      el.textContent = open ? "Nu open" : "Nu gesloten";
      el.setAttribute("data-open", open ? "1" : "0");
      el.hidden = false;
    });
  }
  function setupPrint() {
    document.querySelectorAll("[data-ww-print]").forEach(function (b) {
      b.hidden = false;
      b.addEventListener("click", function () { window.print(); });
    });
    document.querySelectorAll("[data-ww-address]").forEach(function (el) { el.textContent = location.href.split("?")[0]; });
  }
  function ready() { showOpenNow(); setupPrint(); }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", ready); else ready();
})();
