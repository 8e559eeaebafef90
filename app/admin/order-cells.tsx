import type { Order } from "@/db/schema";
import { PaymentBadge, RepairBadge } from "./status-badges";
import styles from "./admin.module.css";

/** The cells every admin table of orders shows alike (each labelled for the phone's card layout). */
type OrderRow = Pick<Order, "id" | "bookingCode" | "partName" | "deviceName" | "paymentStatus" | "needsRefund" | "repairStatus" | "warrantyOfOrderId">;

/**
 * The booking code, linking to the order's page, marked when the order is a warranty claim.
 * A plain link: a list of 50 next/link components would hydrate 50 client components and prefetch 50 server renders.
 */
export function CodeCell({ order }: { order: OrderRow }) {
  return (
    <td data-label="Kode">
      <a href={`/admin/orders/${order.id}`}>{order.bookingCode}</a>
      {order.warrantyOfOrderId && <div className={styles.muted}>🛡️ Garansi</div>}
    </td>
  );
}

/** The part, with the device beneath it. */
export function ServiceCell({ order }: { order: OrderRow }) {
  return (
    <td data-label="Servis">
      {order.partName}
      <div className={styles.muted}>{order.deviceName}</div>
    </td>
  );
}

/** The payment and the repair badge, in two cells. */
export function StatusCells({ order }: { order: OrderRow }) {
  return (
    <>
      <td data-label="Pembayaran">
        <PaymentBadge status={order.paymentStatus} refund={order.needsRefund} />
      </td>
      <td data-label="Perbaikan">
        <RepairBadge status={order.repairStatus} />
      </td>
    </>
  );
}
