// Verity Explorer: live heads and new blocks over server-sent events.
// No dependencies; pages work without it.
(function () {
  "use strict";
  var MAX_ROWS = 20;

  function text(id, value) {
    var el = document.getElementById(id);
    if (el) el.textContent = value;
  }

  function utc(ms) {
    if (!ms) return "";
    return new Date(ms).toISOString().replace("T", " ").replace(/\.\d+Z$/, " UTC");
  }

  function shortHash(h) {
    return h.length > 18 ? h.slice(0, 10) + "\u2026" + h.slice(-6) : h;
  }

  function cell(row, content, cls) {
    var td = row.insertCell(-1);
    if (cls) td.className = cls;
    if (content instanceof Node) td.appendChild(content); else td.textContent = content;
    return td;
  }

  function link(href, label) {
    var a = document.createElement("a");
    a.href = href;
    a.textContent = label;
    return a;
  }

  function addBlock(b) {
    text("best-head", b.number);
    text("card-best", b.number);
    var body = document.querySelector("#blocks tbody");
    if (!body) return;
    var first = body.rows[0];
    if (first && Number(first.dataset.number) >= b.number) {
      // A re-org replaced blocks we show: drop them.
      while (body.rows[0] && Number(body.rows[0].dataset.number) >= b.number) body.deleteRow(0);
    }
    var row = body.insertRow(0);
    row.dataset.number = b.number;
    row.className = "fresh";
    cell(row, link("/block/" + b.number, String(b.number)));
    cell(row, link("/block/" + b.hash, shortHash(b.hash)), "mono");
    cell(row, utc(b.timestamp), "time");
    cell(row, String(b.extrinsic_count), "num");
    cell(row, String(b.event_count), "num");
    while (body.rows.length > MAX_ROWS) body.deleteRow(-1);
  }

  function finalized(f) {
    text("finalized-head", f.number);
    text("card-finalized", f.number);
    var rows = document.querySelectorAll("#blocks tbody tr");
    for (var i = 0; i < rows.length; i++) {
      var first = rows[i].cells[0];
      if (Number(rows[i].dataset.number) <= f.number && !first.querySelector(".badge")) {
        var badge = document.createElement("span");
        badge.className = "badge ok";
        badge.title = "finalized";
        badge.textContent = "\u2713";
        first.appendChild(document.createTextNode(" "));
        first.appendChild(badge);
      }
    }
  }

  function connect() {
    if (!window.EventSource) return;
    var live = document.getElementById("live");
    var es = new EventSource("/api/stream");
    es.onopen = function () { if (live) live.className = "live on"; };
    es.onerror = function () { if (live) live.className = "live"; };
    es.addEventListener("block", function (e) { addBlock(JSON.parse(e.data)); });
    es.addEventListener("finalized", function (e) { finalized(JSON.parse(e.data)); });
    // Release the stream when leaving the page: an open stream of a page the
    // browser keeps (back-forward cache) holds one of its few connections to
    // this host, and later page loads waited a minute for one.
    window.addEventListener("pagehide", function () { es.close(); }, { once: true });
  }

  document.addEventListener("DOMContentLoaded", connect);
  // Back from the back-forward cache: reconnect.
  window.addEventListener("pageshow", function (e) { if (e.persisted) connect(); });
})();
