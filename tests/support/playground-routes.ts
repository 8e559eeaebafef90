import * as botApi from "@/app/playground/telegram/[bot]/[method]/route";
import * as chatCustomers from "@/app/playground/chat/api/customers/route";
import * as chatSend from "@/app/playground/chat/api/send/route";
import * as chatState from "@/app/playground/chat/api/state/route";
import * as chatTap from "@/app/playground/chat/api/tap/route";
import { serveRoutes, type ServedRoutes } from "./serve-routes";

/** The playground's route handlers served over loopback HTTP, without Next.js. */
export function servePlaygroundRoutes(): Promise<ServedRoutes> {
  return serveRoutes({
    "GET /playground/telegram/[bot]/[method]": botApi.GET,
    "POST /playground/telegram/[bot]/[method]": botApi.POST,
    "GET /playground/chat/api/state": chatState.GET,
    "POST /playground/chat/api/send": chatSend.POST,
    "POST /playground/chat/api/tap": chatTap.POST,
    "GET /playground/chat/api/customers": chatCustomers.GET,
    "POST /playground/chat/api/customers": chatCustomers.POST,
  });
}
