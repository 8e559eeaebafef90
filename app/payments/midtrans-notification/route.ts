// POST /payments/midtrans-notification – the paper's notification URL, same handler as /api/midtrans/notification
export { POST } from "@/app/api/midtrans/notification/route";

export const dynamic = "force-dynamic";
