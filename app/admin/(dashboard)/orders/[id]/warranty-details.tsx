import Link from "next/link";
import type { Order } from "@/db/schema";
import { formatDateDmy, wibDateOf } from "@/lib/booking/calendar";
import { warrantyLabel, warrantyStateOf } from "@/lib/booking/warranty";
import { RepairBadge } from "../../../status-badges";

const CLAIM_KIND: Record<string, string> = { free: "gratis", fee: "dengan biaya klaim" };

/** Rows of the order's details: the order it claims the warranty of, its own warranty, the claims made on it. */
export function WarrantyDetails({ order, claimOf, claims }: { order: Order; claimOf?: Order; claims: Order[] }) {
  const warranty = warrantyLabel(warrantyStateOf(order, new Date()), "id");
  return (
    <>
      {order.warrantyOfOrderId && (
        <>
          <dt>Pekerjaan garansi</dt>
          <dd data-testid="warranty-of">
            Klaim garansi dari{" "}
            {claimOf ? <Link href={`/admin/orders/${claimOf.id}`}>#{claimOf.bookingCode}</Link> : "pesanan lain"}
            {order.warrantyClaimKind && ` (${CLAIM_KIND[order.warrantyClaimKind] ?? order.warrantyClaimKind})`}
          </dd>
        </>
      )}
      {warranty && (
        <>
          <dt>Garansi</dt>
          <dd>
            {warranty} ({order.warrantyDays} hari sejak selesai {order.completedAt && formatDateDmy(wibDateOf(order.completedAt))})
          </dd>
        </>
      )}
      {claims.length > 0 && (
        <>
          <dt>Klaim garansi</dt>
          <dd data-testid="warranty-claims">
            {claims.map((claim) => (
              <div key={claim.id}>
                <Link href={`/admin/orders/${claim.id}`}>#{claim.bookingCode}</Link> · {formatDateDmy(claim.serviceDate)}, {claim.slotLabel} <RepairBadge status={claim.repairStatus} />
              </div>
            ))}
          </dd>
        </>
      )}
    </>
  );
}
