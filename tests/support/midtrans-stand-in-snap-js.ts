/**
 * The stand-in's snap.js: `window.snap.pay(token, callbacks)` and
 * `window.snap.embed(token, { embedId })` open a small simulated payment sheet
 * (#midtrans-stand-in) showing the order, with "Bayar" (settles the transaction
 * at the stand-in, which then notifies the app if it knows where) and "Tutup".
 * The client key comes from the script tag's data-client-key, like Midtrans'.
 */
export function snapJsSource(baseUrl: string): string {
  return `(function () {
  var base = ${JSON.stringify(baseUrl)};
  var script = document.currentScript;
  var clientKey = script ? script.getAttribute("data-client-key") : null;
  function open(token, callbacks, container) {
    callbacks = callbacks || {};
    var sheet = document.createElement("div");
    sheet.id = "midtrans-stand-in";
    sheet.setAttribute("role", "dialog");
    sheet.style.cssText = container ? "" : "position:fixed;inset:0;background:rgba(0,0,0,.5);display:flex;align-items:center;justify-content:center;z-index:9999";
    sheet.innerHTML = '<div style="background:#fff;padding:16px;border-radius:8px;min-width:260px;font-family:sans-serif">' +
      '<h2>Midtrans (stand-in)</h2><p data-field="order">…</p><p data-field="amount"></p>' +
      '<button type="button" data-action="pay">Bayar</button> <button type="button" data-action="close">Tutup</button></div>';
    (container || document.body).appendChild(sheet);
    var q = "?client_key=" + encodeURIComponent(clientKey || "");
    fetch(base + "/snap/v1/transactions/" + token + q).then(function (r) { return r.json(); }).then(function (t) {
      sheet.querySelector('[data-field="order"]').textContent = "Order " + t.order_id;
      sheet.querySelector('[data-field="amount"]').textContent = "Rp" + t.gross_amount;
    });
    sheet.querySelector('[data-action="close"]').onclick = function () {
      sheet.remove();
      if (callbacks.onClose) callbacks.onClose();
    };
    sheet.querySelector('[data-action="pay"]').onclick = function () {
      fetch(base + "/snap/v1/transactions/" + token + "/pay" + q, { method: "POST" }).then(function (r) { return r.json(); }).then(function (result) {
        sheet.remove();
        if (callbacks.onSuccess) callbacks.onSuccess(result);
      }, function (error) { if (callbacks.onError) callbacks.onError(error); });
    };
  }
  window.snap = {
    pay: function (token, callbacks) { open(token, callbacks, null); },
    embed: function (token, options) { open(token, options, document.getElementById(options.embedId)); },
    hide: function () { var s = document.getElementById("midtrans-stand-in"); if (s) s.remove(); }
  };
})();`;
}
