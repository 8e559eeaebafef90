import * as botApi from "@/app/playground/telegram/[bot]/[method]/route";
import * as chatCustomers from "@/app/playground/chat/api/customers/route";
import * as chatSend from "@/app/playground/chat/api/send/route";
import * as chatState from "@/app/playground/chat/api/state/route";
import * as chatTap from "@/app/playground/chat/api/tap/route";
import * as chatContact from "@/app/playground/chat/api/contact/route";
import * as chatPhoto from "@/app/playground/chat/api/photo/route";
import * as fileDownload from "@/app/playground/telegram/file/[bot]/[...path]/route";
import * as snapTransactions from "@/app/playground/midtrans/snap/v1/transactions/route";
import * as snapJs from "@/app/playground/midtrans/snap/snap.js/route";
import * as vtweb from "@/app/playground/midtrans/snap/v2/vtweb/[token]/route";
import * as snapCancel from "@/app/playground/midtrans/snap/v1/transactions/[token]/cancel/route";
import * as charge from "@/app/playground/midtrans/v2/charge/route";
import * as status from "@/app/playground/midtrans/v2/[orderId]/status/route";
import * as cancel from "@/app/playground/midtrans/v2/[orderId]/cancel/route";
import * as expire from "@/app/playground/midtrans/v2/[orderId]/expire/route";
import * as refund from "@/app/playground/midtrans/v2/[orderId]/refund/route";
import * as snapActions from "@/app/playground/midtrans/api/snap/[token]/route";
import * as simulatorActions from "@/app/playground/midtrans/api/transactions/[orderId]/route";
import * as simulatorList from "@/app/playground/midtrans/api/transactions/route";
import * as payCode from "@/app/playground/midtrans/api/pay-code/route";
import { serveRoutes, type ServedRoutes } from "./serve-routes";

type Handler = Parameters<typeof serveRoutes>[0][string];

/**
 * The playground's route handlers served over loopback HTTP, without Next.js.
 * `extra` adds routes of the app the stand-ins talk to (e.g. a notification receiver).
 */
export function servePlaygroundRoutes(extra: Record<string, Handler> = {}): Promise<ServedRoutes> {
  return serveRoutes({
    "GET /playground/telegram/[bot]/[method]": botApi.GET,
    "POST /playground/telegram/[bot]/[method]": botApi.POST,
    "GET /playground/chat/api/state": chatState.GET,
    "POST /playground/chat/api/send": chatSend.POST,
    "POST /playground/chat/api/tap": chatTap.POST,
    "POST /playground/chat/api/contact": chatContact.POST,
    "POST /playground/chat/api/photo": chatPhoto.POST,
    // Next.js fills a catch-all as an array; the loopback server knows single segments, and photos live under photos/.
    "GET /playground/telegram/file/[bot]/photos/[file]": (request: Request, { params }: { params: Promise<{ bot: string; file: string }> }) =>
      fileDownload.GET(request, { params: params.then(({ bot, file }) => ({ bot, path: ["photos", file] })) }),
    "GET /playground/chat/api/customers": chatCustomers.GET,
    "POST /playground/chat/api/customers": chatCustomers.POST,
    "POST /playground/midtrans/snap/v1/transactions": snapTransactions.POST,
    "POST /playground/midtrans/snap/v1/transactions/[token]/cancel": snapCancel.POST,
    "GET /playground/midtrans/snap/snap.js": snapJs.GET,
    "GET /playground/midtrans/snap/v2/vtweb/[token]": vtweb.GET,
    "POST /playground/midtrans/v2/charge": charge.POST,
    "GET /playground/midtrans/v2/[orderId]/status": status.GET,
    "POST /playground/midtrans/v2/[orderId]/refund": refund.POST,
    "POST /playground/midtrans/v2/[orderId]/cancel": cancel.POST,
    "POST /playground/midtrans/v2/[orderId]/expire": expire.POST,
    "POST /playground/midtrans/api/snap/[token]": snapActions.POST,
    "GET /playground/midtrans/api/transactions": simulatorList.GET,
    "POST /playground/midtrans/api/transactions/[orderId]": simulatorActions.POST,
    "POST /playground/midtrans/api/pay-code": payCode.POST,
    ...extra,
  });
}
