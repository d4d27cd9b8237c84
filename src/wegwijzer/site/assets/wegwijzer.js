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
      el.textContent = open ? (el.getAttribute("data-open-text") || "Nu open")
        : (el.getAttribute("data-closed-text") || "Nu gesloten");
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
  // Sections that start closed on a phone (the kern page's "voor de hele gemeente") are open
  // on a wide screen, and every one of them opens for printing.
  function setupDisclosures() {
    var wide = document.querySelectorAll("details[data-ww-wide-open]");
    if (window.matchMedia("(min-width: 45em)").matches) wide.forEach(function (d) { d.open = true; });
    window.addEventListener("beforeprint", function () { wide.forEach(function (d) { d.open = true; }); });
  }
  // Lists by weekday (spreekuren) say which day is today.
  function markToday() {
    var today = amsterdamNow().day;
    document.querySelectorAll("[data-ww-day]").forEach(function (el) {
      if (el.getAttribute("data-ww-day") !== today) return;
      el.classList.add("ww-today");
      var label = el.querySelector(".ww-today-label");
      if (label) label.hidden = false;
    });
  }
  // "Hoe ging het?" without a form address: the answers go into a pre-filled e-mail, one line
  // per question. (Without this script the browser sends the form to the mailto: address itself.)
  function setupFeedbackMail() {
    document.querySelectorAll("form[data-ww-mail]").forEach(function (form) {
      form.addEventListener("submit", function (ev) {
        ev.preventDefault();
        var lines = [];
        form.querySelectorAll("[data-question]").forEach(function (el) {
          var value = "";
          if (el.tagName === "FIELDSET") {
            var checked = el.querySelector("input:checked");
            value = checked ? checked.value : "";
          } else {
            value = el.value.trim();
          }
          lines.push(el.getAttribute("data-question") + " " + (value || "-"));
        });
        var href = "mailto:" + form.getAttribute("data-ww-mail") + "?subject="
          + encodeURIComponent(form.getAttribute("data-ww-subject") || "") + "&body=" + encodeURIComponent(lines.join("\n"));
        var note = form.parentNode.querySelector(".ww-feedback__mail");
        if (note) {
          note.querySelector("a").href = href;
          note.hidden = false;
        }
        location.href = href;
      });
    });
  }
  function ready() { showOpenNow(); setupPrint(); setupDisclosures(); markToday(); setupFeedbackMail(); }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", ready); else ready();
})();
