import type { CatalogItem, CatalogKind } from "@/db/queries/catalog-edits";
import styles from "../catalog-editor.module.css";
import { ActionButton } from "../action-form";
import { EditRow } from "../edit-row";

interface Props {
  kind: CatalogKind;
  items: CatalogItem[];
}

const NOUN: Record<CatalogKind, string> = { device: "perangkat", part: "layanan" };
const ACTIONS = { device: { save: "saveDevice", remove: "removeDevice" }, part: { save: "savePart", remove: "removePart" } };

function ItemFields({ item, noun }: { item?: CatalogItem; noun: string }) {
  const who = item ? ` ${item.name}` : ` ${noun} baru`;
  return (
    <>
      <label className={styles.name}>
        Nama
        <input type="text" name="name" defaultValue={item?.name} required maxLength={60} aria-label={`Nama${who}`} />
      </label>
      <label className={styles.short}>
        Urutan
        <input type="number" name="sort" defaultValue={item?.sort ?? 0} min={0} max={10000} aria-label={`Urutan${who}`} />
      </label>
      <label className={styles.check}>
        <input type="checkbox" name="active" defaultChecked={item?.active ?? true} aria-label={`Aktif${who}`} />
        Aktif
      </label>
    </>
  );
}

/** Devices or parts: each row edits one (Simpan) or takes it away (Hapus: deactivated when orders refer to it). */
export function ItemList({ kind, items }: Props) {
  const { save, remove } = ACTIONS[kind];
  return (
    <ul className={styles.rows}>
      {items.map((item) => (
        <EditRow key={item.id} action={save} alt={remove}>
          <input type="hidden" name="id" value={item.id} />
          <ItemFields item={item} noun={NOUN[kind]} />
          <ActionButton label={`Simpan ${item.name}`}>Simpan</ActionButton>
          <ActionButton alt label={`Hapus ${item.name}`} kind="remove" confirm={{ question: `Hapus ${item.name}?`, yes: "Ya, hapus" }}>
            Hapus
          </ActionButton>
          {!item.active && <span className={styles.inactive}>nonaktif: tidak tampil untuk pelanggan</span>}
        </EditRow>
      ))}
      <EditRow action={save}>
        <ItemFields noun={NOUN[kind]} />
        <ActionButton label={`Tambah ${NOUN[kind]}`}>Tambah</ActionButton>
      </EditRow>
    </ul>
  );
}
