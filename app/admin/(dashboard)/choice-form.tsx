import type { ReactNode } from "react";
import styles from "./catalog-editor.module.css";

/**
 * A page's choice (the device of the price list, the branch of a per-branch page) as a
 * plain GET form: works without JavaScript and leaves the choice in the address.
 * `keep`: the page's other query fields.
 */
export function ChoiceForm({
  path,
  name,
  label,
  value,
  options,
  keep = {},
  className = styles.row,
  ariaLabel,
}: {
  path: string;
  name: string;
  label: string;
  value: number | string;
  options: { id: number | string; label: ReactNode }[];
  keep?: Record<string, string>;
  className?: string;
  ariaLabel?: string;
}) {
  return (
    <form method="get" action={path} className={className} aria-label={ariaLabel}>
      {Object.entries(keep).map(([field, kept]) => (
        <input key={field} type="hidden" name={field} value={kept} />
      ))}
      <label className={styles.name}>
        {label}
        <select name={name} defaultValue={value}>
          {options.map((option) => (
            <option key={option.id} value={option.id}>
              {option.label}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className={styles.save}>
        Tampilkan
      </button>
    </form>
  );
}
