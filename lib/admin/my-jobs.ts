import type { Database } from "@/db";
import { listTechnicianJobs } from "@/db/queries/technicians";
import type { Order } from "@/db/schema";
import { todayInJakarta, type IsoDate } from "@/lib/booking/calendar";

export interface MyJobsView {
  date: IsoDate;
  jobs: Order[];
}

/** "Pekerjaan saya": the signed-in technician's own live jobs of today (WIB), in slot order; nobody else's. */
export async function loadMyJobs(db: Database, { adminId, now = new Date() }: { adminId: number; now?: Date }): Promise<MyJobsView> {
  const date = todayInJakarta(now);
  return { date, jobs: await listTechnicianJobs(db, { technicianId: adminId, serviceDate: date }) };
}
