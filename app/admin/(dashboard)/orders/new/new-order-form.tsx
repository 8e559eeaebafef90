"use client";
import Link from "next/link";
import { useActionState, useState } from "react";
import { formatRupiah } from "@/lib/booking/money";
import { createCounterOrderAction, type NewOrderState } from "./actions";
import styles from "../../../admin.module.css";

const IDLE: NewOrderState = { status: "idle" };
const DIAGNOSIS = "diagnosis";

interface Props {
  devices: { id: number; name: string }[];
  prices: { deviceId: number; partId: number; partName: string; priceIdr: number }[];
  slots: { id: number; label: string }[];
  diagnosisFeeIdr: number;
  today: string;
  maxFaultLength: number;
}

const WHEN_CHOICES = [
  ["walk_in", "Walk-in sekarang"],
  ["slot", "Pilih tanggal & slot"],
] as const;
const PAYMENT_CHOICES = [
  ["pay_at_shop", "Bayar di kasir"],
  ["paid_cash", "Sudah bayar tunai"],
  ["payment_link", "Kirim link pembayaran"],
] as const;
const INLINE = { flexDirection: "row", alignItems: "center", gap: 6 } as const;

function FieldError({ state, name }: { state: NewOrderState; name: string }) {
  const message = state.status === "invalid" ? state.errors[name] : undefined;
  return message ? <span className={styles.error}>{message}</span> : null;
}

function Created({ state }: { state: Extract<NewOrderState, { status: "ok" }> }) {
  return (
    <section className={styles.panel} role="status" aria-label="Pesanan dibuat">
      <p className={styles.ok}>{state.message}</p>
      <p>
        <Link href={`/admin/orders/${state.orderId}`}>Buka pesanan</Link> · <a href={state.statusUrl}>halaman status pelanggan</a>
      </p>
      {state.whatsappUrl && (
        <p>
          <a className={styles.button} href={state.whatsappUrl} target="_blank" rel="noopener noreferrer">
            Kirim link pembayaran lewat WhatsApp
          </a>
        </p>
      )}
    </section>
  );
}

/** The new-order form; after a refusal every field keeps what was typed. */
export function NewOrderForm({ devices, prices, slots, diagnosisFeeIdr, today, maxFaultLength }: Props) {
  const [state, action, pending] = useActionState(createCounterOrderAction, IDLE);
  const values = state.status === "invalid" ? state.values : {};
  const [deviceId, setDeviceId] = useState(values.deviceId ?? "");
  const [when, setWhen] = useState<string>(values.when ?? "walk_in");
  const parts = prices.filter((p) => String(p.deviceId) === deviceId);
  return (
    <>
      {state.status === "ok" && <Created state={state} />}
      <form action={action} className={styles.panel} key={state.status === "invalid" ? JSON.stringify(values) : state.status}>
        <div className={styles.form}>
          <label>
            Nama pelanggan
            <input name="customerName" required maxLength={80} autoComplete="off" defaultValue={values.customerName} />
            <FieldError state={state} name="customerName" />
          </label>
          <label>
            No. HP / WhatsApp
            <input name="customerPhone" type="tel" required inputMode="tel" placeholder="0812-3456-7890" defaultValue={values.customerPhone} />
            <FieldError state={state} name="customerPhone" />
          </label>
        </div>
        <div className={styles.form}>
          <label>
            Perangkat
            <select name="deviceId" required value={deviceId} onChange={(e) => setDeviceId(e.target.value)}>
              <option value="">Pilih perangkat</option>
              {devices.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name}
                </option>
              ))}
            </select>
            <FieldError state={state} name="deviceId" />
          </label>
          <label>
            Spare part
            <select name="part" required defaultValue={values.part ?? ""}>
              <option value="">Pilih spare part</option>
              {parts.map((p) => (
                <option key={p.partId} value={p.partId}>
                  {p.partName} – {formatRupiah(p.priceIdr)}
                </option>
              ))}
              <option value={DIAGNOSIS}>Belum tahu / cek dulu – {formatRupiah(diagnosisFeeIdr)}</option>
            </select>
            <FieldError state={state} name="part" />
          </label>
        </div>
        <label className={styles.noteField}>
          Keluhan (opsional)
          <textarea name="faultDescription" rows={3} maxLength={maxFaultLength} defaultValue={values.faultDescription} />
          <FieldError state={state} name="faultDescription" />
        </label>
        <fieldset className={styles.form}>
          <legend>Jadwal</legend>
          {WHEN_CHOICES.map(([value, label]) => (
            <label key={value} style={INLINE}>
              <input type="radio" name="when" value={value} checked={when === value} onChange={() => setWhen(value)} /> {label}
            </label>
          ))}
          {when === "slot" && (
            <>
              <label>
                Tanggal
                <input type="date" name="serviceDate" required min={today} defaultValue={values.serviceDate ?? today} />
                <FieldError state={state} name="serviceDate" />
              </label>
              <label>
                Slot
                <select name="slotId" required defaultValue={values.slotId}>
                  {slots.map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.label}
                    </option>
                  ))}
                </select>
                <FieldError state={state} name="slotId" />
              </label>
            </>
          )}
        </fieldset>
        <fieldset className={styles.form}>
          <legend>Pembayaran</legend>
          {PAYMENT_CHOICES.map(([value, label]) => (
            <label key={value} style={INLINE}>
              <input type="radio" name="payment" value={value} required defaultChecked={(values.payment ?? "pay_at_shop") === value} /> {label}
            </label>
          ))}
          <FieldError state={state} name="payment" />
        </fieldset>
        {state.status === "invalid" && state.errors._form && (
          <p role="alert" className={styles.error}>
            {state.errors._form}
          </p>
        )}
        {state.status === "invalid" && !state.errors._form && (
          <p role="alert" className={styles.error}>
            Periksa isian yang ditandai.
          </p>
        )}
        <div className={styles.form}>
          <button type="submit" disabled={pending}>
            Buat pesanan
          </button>
        </div>
      </form>
    </>
  );
}
