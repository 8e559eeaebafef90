import type { BranchPick } from "@/lib/admin/branch-scope";
import styles from "./catalog-editor.module.css";
import { ChoiceForm } from "./choice-form";

/**
 * Which branch a per-branch page (schedule, stock, a branch's prices) shows: a choice of
 * the branches the admin works for (?cabang=), or just its name when they have one. A
 * shop with one branch sees nothing of it. `keep`: the page's other query fields;
 * `inSection`: drawn inside a section's box rather than as a box of its own;
 * `every`: a first choice "Semua cabang" (value `every.value`), chosen when `every.chosen`.
 */
export function BranchPicker({
  pick,
  path,
  keep = {},
  inSection = false,
  every,
}: {
  pick: BranchPick;
  path: string;
  keep?: Record<string, string>;
  inSection?: boolean;
  every?: { value: string; chosen: boolean };
}) {
  const { branch, choices, several } = pick;
  if (!several || !branch) return null;
  if (choices.length < 2) {
    return (
      <p className={styles.note}>
        Cabang <strong>{branch.name}</strong>
      </p>
    );
  }
  return (
    <ChoiceForm
      path={path}
      name="cabang"
      label="Cabang"
      value={every?.chosen ? every.value : branch.id}
      options={[...(every ? [{ id: every.value, label: "Semua cabang" }] : []), ...choices.map((b) => ({ id: b.id, label: b.name }))]}
      keep={keep}
      className={inSection ? styles.row : `${styles.row} ${styles.section}`}
      ariaLabel="Pilih cabang"
    />
  );
}

/** The hidden field that tells a form's action which branch the page shows. */
export function BranchField({ branchId }: { branchId: number }) {
  return <input type="hidden" name="branchId" value={branchId} />;
}

/** What staff who work at no branch see on a per-branch page. */
export function NoBranch() {
  return <p className={styles.note}>Anda belum ditempatkan di cabang mana pun. Minta pemilik menambahkan Anda ke cabang di halaman Cabang.</p>;
}
