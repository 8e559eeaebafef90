import type { DraftField, DraftInput } from "@/lib/booking/create-draft";
import { formatRupiah } from "@/lib/booking/money";
import { CHAT_PAYMENT_METHODS } from "@/lib/bot/callback-data";
import { PAYMENT_METHOD_LABEL } from "@/lib/payments/texts";
import type { HomeView } from "@/lib/site/home-view";
import { FIELD_LABEL } from "@/lib/site/texts";
import styles from "./home.module.css";

interface Props {
  view: HomeView;
  picked: DraftInput;
  errors: Partial<Record<DraftField, string>>;
}

const LATER = "Pilih nanti di Telegram";

function Field({ name, errors, hint, children }: { name: DraftField; errors: Props["errors"]; hint?: string; children: React.ReactNode }) {
  const error = errors[name];
  return (
    <div className={styles.field}>
      <label htmlFor={`f-${name}`}>{FIELD_LABEL[name]}</label>
      {children}
      {hint && !error && <small id={`h-${name}`}>{hint}</small>}
      {error && (
        <small id={`e-${name}`} className={styles.fieldError}>
          {error}
        </small>
      )}
    </div>
  );
}

/** Describes a control by its message, so a screen reader reads the problem with the field. */
const describedBy = (name: DraftField, errors: Props["errors"], hint?: boolean) =>
  errors[name] ? { "aria-describedby": `e-${name}`, "aria-invalid": true as const } : hint ? { "aria-describedby": `h-${name}` } : {};

/**
 * A plain form: "Reservasi" posts the choices to /reservasi, which opens the bot
 * with them; "Cek jam kosong" reloads this page with the date (and device) so
 * the lists show only what is free, all without client JavaScript.
 */
export function ChoiceForm({ view, picked, errors }: Props) {
  const deviceId = Number(picked.device);
  const deviceParts = view.catalog.filter((e) => e.deviceId === deviceId);
  const slotHint = view.dateOffers ? undefined : "Pilih tanggal lalu tekan \u201cCek jam kosong\u201d untuk melihat jam yang masih ada tempat.";
  const errorCount = Object.keys(errors).length;
  return (
    <form method="post" action="/reservasi" className={styles.form} data-testid="choice-form">
      {errorCount > 0 && (
        <p role="alert" className={styles.formError}>
          Ada {errorCount} pilihan yang perlu diperbaiki.
        </p>
      )}
      <Field name="device" errors={errors}>
        <select id="f-device" name="device" defaultValue={picked.device ?? ""} required {...describedBy("device", errors)}>
          <option value="">Pilih perangkat</option>
          {view.devices.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </select>
      </Field>
      <Field name="part" errors={errors}>
        <select id="f-part" name="part" defaultValue={picked.part ?? ""} required {...describedBy("part", errors)}>
          <option value="">Pilih layanan</option>
          {deviceParts.length > 0
            ? deviceParts.map((e) => (
                <option key={e.partId} value={e.partId}>
                  {e.partName} — {formatRupiah(e.priceIdr)}
                </option>
              ))
            : view.parts.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
        </select>
      </Field>
      <Field name="date" errors={errors} hint="Boleh dikosongkan.">
        <input
          id="f-date"
          type="date"
          name="date"
          min={view.today}
          max={view.lastBookableDate}
          defaultValue={picked.date ?? ""}
          {...describedBy("date", errors, true)}
        />
      </Field>
      <Field name="slot" errors={errors} hint={slotHint}>
        <select id="f-slot" name="slot" defaultValue={picked.slot ?? ""} {...describedBy("slot", errors, Boolean(slotHint))}>
          <option value="">{LATER}</option>
          {view.dateOffers?.map((s) => (
            <option key={s.id} value={s.id} disabled={!s.bookable}>
              {s.label} {s.bookable ? `(sisa ${s.remaining})` : "(penuh)"}
            </option>
          ))}
        </select>
      </Field>
      <Field name="payment" errors={errors}>
        <select id="f-payment" name="payment" defaultValue={picked.payment ?? ""} {...describedBy("payment", errors)}>
          <option value="">{LATER}</option>
          {CHAT_PAYMENT_METHODS.map((m) => (
            <option key={m} value={m}>
              {PAYMENT_METHOD_LABEL[m] ?? m}
            </option>
          ))}
        </select>
      </Field>
      <div className={styles.actions}>
        <button type="submit" className={styles.cta}>
          Reservasi
        </button>
        <button type="submit" formMethod="get" formAction="/#reservasi" formNoValidate className={styles.secondary}>
          Cek jam kosong
        </button>
      </div>
      <p className={styles.small}>Tombol Reservasi membuka bot Telegram kami dengan pilihan ini; sisanya ditanyakan di sana.</p>
    </form>
  );
}
