// Counts one view of this page: the page id and the kind of referrer, no cookie, nothing about the visitor.
(function () {
  "use strict";
  var element = document.querySelector("[data-insight-beacon]");
  if (!element || !navigator.sendBeacon) return;
  var data = new URLSearchParams();
  data.set("p", element.getAttribute("data-page"));
  data.set("r", document.referrer || "");
  navigator.sendBeacon(element.getAttribute("data-insight-beacon"), data);
})();
