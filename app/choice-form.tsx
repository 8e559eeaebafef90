import type { DraftField, DraftInput } from "@/lib/booking/create-draft";
import { formatRupiah } from "@/lib/booking/money";
import { CHAT_PAYMENT_METHODS } from "@/lib/bot/callback-data";
import { labelsFor, type Language } from "@/lib/booking/status-labels";
import { partChoices, type HomeView, type PartChoice } from "@/lib/site/home-view";
import { homeTexts, type HomeTexts } from "@/lib/site/texts";
import styles from "./home.module.css";

interface Props {
  view: HomeView;
  picked: DraftInput;
  errors: Partial<Record<DraftField, string>>;
  language: Language;
}

function Field({ name, errors, hint, t, children }: { name: DraftField; errors: Props["errors"]; hint?: string; t: HomeTexts; children: React.ReactNode }) {
  const error = errors[name];
  return (
    <div className={styles.field}>
      <label htmlFor={`f-${name}`}>{t.fields[name]}</label>
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

/** "Battery — Rp70.000 (inden, 3 hari)"; before a device is picked, the name only. */
function partLabel(part: PartChoice, t: HomeTexts): string {
  if (part.priceIdr === undefined) return part.name;
  return `${part.name} — ${formatRupiah(part.priceIdr)}${part.backorderDays ? ` (${t.backorder(part.backorderDays)})` : ""}`;
}

/** Describes a control by its message, so a screen reader reads the problem with the field. */
const describedBy = (name: DraftField, errors: Props["errors"], hint?: boolean) =>
  errors[name] ? { "aria-describedby": `e-${name}`, "aria-invalid": true as const } : hint ? { "aria-describedby": `h-${name}` } : {};

/**
 * A plain form: "Reservasi" posts the choices to /reservasi, which opens the bot
 * with them; "Cek jam kosong" reloads this page with the date (and device) so
 * the lists show only what is free, all without client JavaScript.
 */
export function ChoiceForm({ view, picked, errors, language }: Props) {
  const t = homeTexts(language);
  const methods = labelsFor(language).method;
  const deviceId = Number(picked.device);
  const parts = partChoices(view, deviceId);
  const slotHint = view.dateOffers ? undefined : t.slotHint;
  const errorCount = Object.keys(errors).length;
  return (
    <form method="post" action="/reservasi" className={styles.form} data-testid="choice-form">
      <input type="hidden" name="lang" value={language} />
      {errorCount > 0 && (
        <p role="alert" className={styles.formError}>
          {t.formErrors(errorCount)}
        </p>
      )}
      {view.branches.length > 1 && (
        <Field name="branch" errors={errors} hint={t.branchHint} t={t}>
          <select id="f-branch" name="branch" defaultValue={String(view.branchId)} required {...describedBy("branch", errors, true)}>
            {view.branches.map((branch) => (
              <option key={branch.id} value={branch.id}>
                {branch.name}
              </option>
            ))}
          </select>
        </Field>
      )}
      <Field name="device" errors={errors} t={t}>
        <select id="f-device" name="device" defaultValue={picked.device ?? ""} required {...describedBy("device", errors)}>
          <option value="">{t.chooseDevice}</option>
          {view.devices.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </select>
      </Field>
      <Field name="part" errors={errors} t={t}>
        <select id="f-part" name="part" defaultValue={picked.part ?? ""} required {...describedBy("part", errors)}>
          <option value="">{t.choosePart}</option>
          {parts.map((p) => (
            <option key={p.id} value={p.id}>
              {partLabel(p, t)}
            </option>
          ))}
        </select>
      </Field>
      <Field name="date" errors={errors} hint={t.dateHint} t={t}>
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
      <Field name="slot" errors={errors} hint={slotHint} t={t}>
        <select id="f-slot" name="slot" defaultValue={picked.slot ?? ""} {...describedBy("slot", errors, Boolean(slotHint))}>
          <option value="">{t.chooseLater}</option>
          {view.dateOffers?.map((s) => (
            <option key={s.id} value={s.id} disabled={!s.bookable}>
              {s.label} {s.bookable ? t.slotLeft(s.remaining) : t.slotFull}
            </option>
          ))}
        </select>
      </Field>
      <Field name="payment" errors={errors} t={t}>
        <select id="f-payment" name="payment" defaultValue={picked.payment ?? ""} {...describedBy("payment", errors)}>
          <option value="">{t.chooseLater}</option>
          {CHAT_PAYMENT_METHODS.map((m) => (
            <option key={m} value={m}>
              {methods[m]}
            </option>
          ))}
        </select>
      </Field>
      <div className={styles.actions}>
        <button type="submit" className={styles.cta}>
          {t.reservasi}
        </button>
        <button type="submit" formMethod="get" formAction="/#reservasi" formNoValidate className={styles.secondary}>
          {t.checkSlots}
        </button>
      </div>
      <p className={styles.small}>{t.formHint}</p>
    </form>
  );
}
