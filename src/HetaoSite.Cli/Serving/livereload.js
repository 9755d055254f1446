// Live reload for `hetao serve`. Served by the preview server at /__hetao/livereload.js and added to HTML responses
// on the way out; it is never part of the built site.
(function () {
  "use strict";
  var version = null;
  var box = null;
  var source = new EventSource("/__hetao/livereload");

  source.addEventListener("hello", function (event) {
    // After a reconnect, a different version means a rebuild happened while we were away.
    if (version !== null && version !== event.data) {
      window.location.reload();
    }
    version = event.data;
  });

  source.addEventListener("reload", function () {
    window.location.reload();
  });

  source.addEventListener("build-error", function (event) {
    var report = JSON.parse(event.data);
    show(report.messages || []);
  });

  function show(messages) {
    if (box === null) {
      box = document.createElement("div");
      box.id = "hetao-build-error";
      box.setAttribute("role", "alert");
      // Style properties set from script are allowed by a CSP without 'unsafe-inline' (style attributes are not).
      Object.assign(box.style, {
        position: "fixed", left: "1rem", right: "1rem", bottom: "1rem", maxHeight: "50vh", overflow: "auto",
        zIndex: "2147483647", margin: "0", padding: "0.75rem 1rem", border: "2px solid #b00020", borderRadius: "6px",
        background: "#fff4f4", color: "#5c0011", font: "13px/1.5 ui-monospace, SFMono-Regular, Menlo, monospace",
        whiteSpace: "pre-wrap", boxShadow: "0 4px 16px rgba(0, 0, 0, 0.25)"
      });
      document.body.appendChild(box);
    }
    box.textContent = "hetao serve: the build failed; showing the last good site.\n\n" + messages.join("\n");
  }
})();
