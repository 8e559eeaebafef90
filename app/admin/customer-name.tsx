import type { Order } from "@/db/schema";
import styles from "./admin.module.css";

/** A customer as staff know them: the Telegram name, and the @username under it. */
export function CustomerName({ order }: { order: Pick<Order, "customerName" | "telegramUsername"> }) {
  return (
    <>
      {order.customerName || "—"}
      {order.telegramUsername && <div className={styles.muted}>@{order.telegramUsername}</div>}
    </>
  );
}
