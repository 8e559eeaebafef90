import type { PaymentStatus, RepairStatus } from "@/db/schema";
import { PAYMENT_STATUS_LABEL, REPAIR_STATUS_LABEL } from "@/lib/payments/texts";
import styles from "./admin.module.css";

const PAYMENT_TONE: Partial<Record<PaymentStatus, string>> = {
  paid: styles.badgeOk,
  unpaid: styles.badgeWarn,
  pending: styles.badgeWarn,
  review: styles.badgeWarn,
  failed: styles.badgeBad,
  expired: styles.badgeBad,
};

const REPAIR_TONE: Partial<Record<RepairStatus, string>> = {
  ready: styles.badgeOk,
  completed: styles.badgeOk,
  cancelled: styles.badgeBad,
};

export function PaymentBadge({ status, refund = false }: { status: PaymentStatus; refund?: boolean }) {
  return (
    <>
      <span className={`${styles.badge} ${PAYMENT_TONE[status] ?? ""}`}>{PAYMENT_STATUS_LABEL[status]}</span>
      {refund && <span className={`${styles.badge} ${styles.badgeBad}`}> Perlu refund</span>}
    </>
  );
}

export function RepairBadge({ status }: { status: RepairStatus }) {
  return <span className={`${styles.badge} ${REPAIR_TONE[status] ?? ""}`}>{REPAIR_STATUS_LABEL[status]}</span>;
}
