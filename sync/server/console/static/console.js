// Progressive help for the staff console; every page works without it.
// 1. The ticket queue refreshes its rows every 15 s while the tab is visible.
// 2. Forms marked .confirm ask before they are sent (revoking a kiosk).
(function () {
  "use strict";
  var table = document.querySelector("table[data-refresh]");
  if (table && table.getAttribute("data-refresh-page") === "0") {
    var body = document.getElementById("queue-rows");
    var refresh = function () {
      if (document.hidden) return;
      fetch(table.getAttribute("data-refresh"), { credentials: "same-origin", headers: { "Accept": "text/html" } })
        .then(function (r) { return r.ok && !r.redirected ? r.text() : null; })
        .then(function (html) {
          if (html === null) return;
          body.innerHTML = html;  // the server's template, escaped there
          table.setAttribute("data-refreshed", String(Date.now()));
        })
        .catch(function () {});
    };
    setInterval(refresh, 15000);
    document.addEventListener("visibilitychange", refresh);
  }
  Array.prototype.forEach.call(document.querySelectorAll("form.confirm"), function (form) {
    form.addEventListener("submit", function (e) {
      if (!window.confirm(form.getAttribute("data-confirm"))) e.preventDefault();
    });
  });
})();
