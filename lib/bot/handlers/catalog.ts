import { listCatalog, type CatalogEntry } from "@/db/queries/catalog";
import { formatRupiah } from "@/lib/booking/money";
import type { BotRequest } from "../bot-request";

/** Telegram's limit is 4096 characters a message; stay clear of it. */
const MESSAGE_LIMIT = 3800;

function deviceBlocks(entries: CatalogEntry[]): string[] {
  const blocks: string[] = [];
  let current: { deviceId: number; lines: string[] } | undefined;
  for (const entry of entries) {
    if (current?.deviceId !== entry.deviceId) {
      current = { deviceId: entry.deviceId, lines: [`📱 ${entry.deviceName}`] };
      blocks.push("");
    }
    current.lines.push(`• ${entry.partName}: ${formatRupiah(entry.priceIdr)}`);
    blocks[blocks.length - 1] = current.lines.join("\n");
  }
  return blocks;
}

/** /catalog: every device with its parts and prices, split over messages when long. */
export async function sendCatalog(req: BotRequest): Promise<void> {
  const [entries, settings] = await Promise.all([listCatalog(req.tx), req.settings()]);
  if (entries.length === 0) {
    req.send(req.texts.catalogEmpty);
    return;
  }
  let message = req.texts.catalogTitle(settings.shopName);
  for (const block of deviceBlocks(entries)) {
    if (message.length + block.length + 2 > MESSAGE_LIMIT) {
      req.send(message);
      message = block;
    } else {
      message = `${message}\n\n${block}`;
    }
  }
  req.send(`${message}\n\n/order`);
}
