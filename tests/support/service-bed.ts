import { POST as notificationRoute } from "@/app/api/midtrans/notification/route";
import { overrideEnv } from "@/lib/env";
import { setupFaultBed, type FaultBed } from "./fault-bed";
import { startMidtransStandIn, type MidtransStandIn } from "./midtrans-stand-in";
import { serveRoutes, type ServedRoutes } from "./serve-routes";
import { snapOrder } from "./snap-order";

export interface ServiceBed extends FaultBed {
  midtrans: MidtransStandIn;
  /** The notification route, served over loopback HTTP. */
  notifyUrl(): string;
  /** Messages the stand-in Bot API accepted in this chat whose text starts with `prefix`. */
  delivered(chatId: number, prefix: string): FaultBed["tg"]["calls"];
  /** A Snap order the customer has paid at the Midtrans stand-in (not yet notified). */
  paidAtMidtrans(chatId: number): ReturnType<typeof snapOrder>;
}

/**
 * The fault bed (database, Bot API stand-in, consistency check after each test)
 * plus a Midtrans stand-in with the Status API cross-check on and the
 * notification route served over HTTP: the setup of the service-fault suites.
 */
export function setupServiceBed(): ServiceBed {
  const bed = setupFaultBed() as ServiceBed;
  let app: ServedRoutes;
  beforeAll(async () => {
    bed.midtrans = await startMidtransStandIn();
    app = await serveRoutes({ "POST /api/midtrans/notification": notificationRoute });
  });
  afterAll(() => Promise.all([bed.midtrans.stop(), app.stop()]));
  beforeEach(() => {
    bed.midtrans.reset();
    overrideEnv({ ...bed.midtrans.env(), MIDTRANS_VERIFY_STATUS: "true" });
  });
  bed.notifyUrl = () => `${app.url}/api/midtrans/notification`;
  bed.delivered = (chatId, prefix) =>
    bed.tg.callsOf("sendMessage").filter((c) => c.status === 200 && c.params.chat_id === chatId && String(c.params.text).startsWith(prefix));
  bed.paidAtMidtrans = (chatId) => snapOrder(bed.db.db, bed.midtrans, { chatId, status: "settlement" });
  return bed;
}
