"use client";

import { useState } from "react";
import type { PaymentView } from "@/lib/playground/midtrans/simulate";
import { FakeQr } from "../../fake-qr";
import styles from "../../midtrans.module.css";

function CopyLine({ label, value }: { label: string; value: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className={styles.codeBox}>
      <span className={styles.codeLabel}>{label}</span>
      <span className={styles.codeValue} data-testid="payment-code">
        {value}
      </span>
      <button
        type="button"
        className={styles.linkButton}
        onClick={() => navigator.clipboard?.writeText(value).then(() => setCopied(true), () => {})}
      >
        {copied ? "Tersalin" : "Salin"}
      </button>
    </div>
  );
}

/** What the customer needs to pay with the chosen method: a VA number, a bill key, a QR, or card fields. */
export function MethodDetails({ view }: { view: PaymentView }) {
  if (view.va) {
    return (
      <>
        <CopyLine label={`Nomor Virtual Account ${view.va.bank.toUpperCase()}`} value={view.va.number} />
        <ol className={styles.steps}>
          <li>Buka m-banking / ATM {view.va.bank.toUpperCase()}, pilih Transfer → Virtual Account.</li>
          <li>Masukkan nomor di atas; pastikan nama toko dan jumlahnya benar.</li>
          <li>Di playground: tekan &quot;Bayar&quot; di bawah untuk mensimulasikan transfer.</li>
        </ol>
      </>
    );
  }
  if (view.bill) {
    return (
      <>
        <CopyLine label="Kode perusahaan (biller code)" value={view.bill.billerCode} />
        <CopyLine label="Kode pembayaran (bill key)" value={view.bill.key} />
      </>
    );
  }
  if (view.qr) {
    return (
      <div className={styles.qr}>
        <FakeQr payload={view.qr} label={`Kode QR ${view.method?.label ?? ""}`} />
        <p>Pindai dengan aplikasi {view.method?.id === "other_qris" ? "e-wallet atau m-banking apa pun" : view.method?.label}.</p>
      </div>
    );
  }
  if (view.method?.id === "credit_card") {
    return (
      <div className={styles.card}>
        <label>
          Nomor kartu
          <input readOnly value="4811 1111 1111 1114" />
        </label>
        <div className={styles.cardRow}>
          <label>
            Masa berlaku
            <input readOnly value="12/30" />
          </label>
          <label>
            CVV
            <input readOnly value="123" />
          </label>
        </div>
        <p className={styles.hint}>Kartu uji Midtrans sandbox (tidak ada uang sungguhan).</p>
      </div>
    );
  }
  return null;
}
