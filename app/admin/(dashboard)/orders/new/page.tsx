// GET /admin/orders/new – "Pesanan baru": a walk-in or a phone call booked by staff
import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db";
import { listActiveDevices, listCatalog } from "@/db/queries/catalog";
import { getShopSettings } from "@/db/queries/settings";
import { listAllSlots } from "@/db/queries/slots";
import { requireAdminPage } from "@/lib/admin/session";
import { MAX_FAULT_LENGTH } from "@/lib/admin/counter-order-input";
import { todayInJakarta } from "@/lib/booking/calendar";
import { NewOrderForm } from "./new-order-form";
import styles from "../../../admin.module.css";

export const metadata: Metadata = { title: "Pesanan baru" };

export default async function NewOrderPage() {
  await requireAdminPage("/admin/orders/new", { wholeShop: true });
  const db = await getDb();
  const [devices, catalog, slots, settings] = await Promise.all([listActiveDevices(db), listCatalog(db), listAllSlots(db), getShopSettings(db)]);
  return (
    <>
      <h1>Pesanan baru</h1>
      <p className={styles.muted}>
        Untuk pelanggan yang datang langsung atau menelepon. Pelanggan tidak perlu Telegram. <Link href="/admin/orders">Kembali ke daftar pesanan</Link>
      </p>
      <NewOrderForm
        devices={devices.map((d) => ({ id: d.id, name: d.name }))}
        prices={catalog.map((c) => ({ deviceId: c.deviceId, partId: c.partId, partName: c.partName, priceIdr: c.priceIdr }))}
        slots={slots.filter((s) => s.active).map((s) => ({ id: s.id, label: s.label }))}
        diagnosisFeeIdr={settings.diagnosisFeeIdr}
        today={todayInJakarta()}
        maxFaultLength={MAX_FAULT_LENGTH}
      />
    </>
  );
}
