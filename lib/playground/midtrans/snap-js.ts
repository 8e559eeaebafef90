/**
 * The playground's snap.js: like Midtrans' own, it defines
 * `window.snap.pay(token, { onSuccess, onPending, onError, onClose })` and
 * `window.snap.embed(token, { embedId, ...callbacks })`, and opens the payment
 * page (here /playground/midtrans/pay/<token>) in an iframe — an overlay for
 * pay(), inside the given element for embed(). The page reports back with
 * postMessage; the callbacks are hints only, as with the real Snap.
 */
export function snapJsSource(base: string): string {
  return `(function () {
  "use strict";
  var base = ${JSON.stringify(base)};
  var script = document.currentScript;
  var clientKey = script ? script.getAttribute("data-client-key") || "" : "";
  var current = null;

  function hide() {
    if (!current) return;
    window.removeEventListener("message", current.listener);
    (current.overlay || current.frame).remove();
    current = null;
  }

  function open(token, options, container) {
    hide();
    options = options || {};
    var frame = document.createElement("iframe");
    frame.id = "snap-midtrans";
    frame.title = "Midtrans (playground)";
    frame.src = base + "/pay/" + encodeURIComponent(token) + "?embedded=1&client_key=" + encodeURIComponent(clientKey);
    frame.style.cssText = "border:0;display:block;background:#fff;width:100%;height:100%;";
    var overlay = null;
    if (container) {
      frame.style.minHeight = "560px";
      container.appendChild(frame);
    } else {
      overlay = document.createElement("div");
      overlay.id = "snap-midtrans-overlay";
      overlay.style.cssText = "position:fixed;inset:0;z-index:2147483000;background:rgba(15,23,42,.6);display:flex;align-items:center;justify-content:center;";
      var box = document.createElement("div");
      box.style.cssText = "width:min(420px,100vw);height:min(720px,100dvh);border-radius:" + (window.innerWidth > 480 ? "14px" : "0") + ";overflow:hidden;box-shadow:0 10px 40px rgba(0,0,0,.35);";
      box.appendChild(frame);
      overlay.appendChild(box);
      document.body.appendChild(overlay);
    }
    var pendingResult = null;
    var listener = function (event) {
      if (event.source !== frame.contentWindow) return;
      var data = event.data || {};
      if (data.source !== "jiot-playground-snap") return;
      if (data.event === "pending") {
        pendingResult = data.result;
        return;
      }
      hide();
      if (data.event === "success" && options.onSuccess) options.onSuccess(data.result);
      else if (data.event === "error" && options.onError) options.onError(data.result);
      else if (data.event === "close") {
        if (pendingResult && options.onPending) options.onPending(pendingResult);
        else if (options.onClose) options.onClose();
      }
    };
    window.addEventListener("message", listener);
    current = { frame: frame, overlay: overlay, listener: listener };
  }

  window.snap = {
    pay: function (token, options) { open(token, options, null); },
    embed: function (token, options) {
      var target = options && options.embedId ? document.getElementById(options.embedId) : null;
      if (!target) throw new Error("snap.embed: no element with id " + (options && options.embedId));
      open(token, options, target);
    },
    hide: hide,
    show: function () {}
  };
})();
`;
}
