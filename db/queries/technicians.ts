import { and, asc, eq, isNotNull, ne, sql, type SQL } from "drizzle-orm";
import type { Database } from "../client";
import { adminBranches, admins, orders, type Order } from "../schema";
import { readConfig } from "./config-cache";

export interface Technician {
  id: number;
  username: string;
  workingWeekdays: number;
}

const isActiveTechnician = and(eq(admins.technician, true), eq(admins.disabled, false));

/** A technician's mask has the bit of `date`'s weekday (isodow: Monday 1 … Sunday 7, bit 0 … 6). */
const worksOnDate = (date: SQL) => sql`((${admins.workingWeekdays}::int >> (extract(isodow from ${date})::int - 1)) & 1) = 1`;

/**
 * The technicians of a branch on duty on `date` (a SQL date), or null when the branch has no
 * technician at all: one scalar subquery, so a count under the slot lock sees the latest roster.
 */
export const techniciansOnDutySql = (date: SQL, branchId: number | SQL) =>
  sql<number | null>`(select case when count(*) = 0 then null else (count(*) filter (where ${worksOnDate(date)}))::int end from ${admins} where ${isActiveTechnician} and ${worksFor(branchId)})`;

/** The admin (of the outer query's admins row) works for the branch. */
const worksFor = (branchId: number | SQL) =>
  sql`exists (select 1 from ${adminBranches} where ${adminBranches.adminId} = ${admins.id} and ${adminBranches.branchId} = ${branchId})`;

/** The technicians who can be given jobs (not disabled), by name: of one branch, or of all when none is named. */
export function listTechnicians(db: Database, { branchId }: { branchId?: number } = {}): Promise<Technician[]> {
  return readConfig(db, `technicians:${branchId ?? "all"}`, () =>
    db
      .select({ id: admins.id, username: admins.username, workingWeekdays: admins.workingWeekdays })
      .from(admins)
      .where(and(isActiveTechnician, branchId === undefined ? undefined : worksFor(branchId)))
      .orderBy(asc(admins.username)),
  );
}

/**
 * The on-duty technician to give a new job in a slot on a day, inside the
 * booking's transaction and under the slot's lock (so two bookings never pick
 * by the same count): the one with the fewest live jobs in that slot, then the
 * fewest that day, then the lowest id, which deals a day's jobs out in turn.
 * `exceptOrderId`: an order being moved, not counted against its technician.
 */
export async function pickTechnician(
  tx: Database,
  { slotId, serviceDate, branchId, exceptOrderId = null }: { slotId: number; serviceDate: string; branchId: number; exceptOrderId?: string | null },
): Promise<number | null> {
  const live = and(eq(orders.technicianId, admins.id), eq(orders.serviceDate, serviceDate), ne(orders.repairStatus, "cancelled"), exceptOrderId === null ? undefined : ne(orders.id, exceptOrderId));
  const inSlot = sql<number>`(select count(*) from ${orders} where ${live} and ${orders.slotId} = ${slotId})`;
  const inDay = sql<number>`(select count(*) from ${orders} where ${live})`;
  const rows = await tx
    .select({ id: admins.id })
    .from(admins)
    .where(and(isActiveTechnician, worksFor(branchId), worksOnDate(sql`${serviceDate}::date`)))
    .orderBy(inSlot, inDay, asc(admins.id))
    .limit(1);
  return rows[0]?.id ?? null;
}

/** Whether an admin is a technician on duty on a date: who an order of that date may be given to. */
export async function isTechnicianOnDuty(db: Database, { adminId, serviceDate }: { adminId: number; serviceDate: string }): Promise<boolean> {
  const rows = await db
    .select({ id: admins.id })
    .from(admins)
    .where(and(eq(admins.id, adminId), isActiveTechnician, worksOnDate(sql`${serviceDate}::date`)));
  return rows.length > 0;
}

/** Sets whether an admin does repairs, and on which weekdays. */
export async function setTechnicianDuty(db: Database, { id, technician, workingWeekdays }: { id: number; technician: boolean; workingWeekdays: number }): Promise<void> {
  await db.update(admins).set({ technician, workingWeekdays }).where(eq(admins.id, id));
}

/** A technician's live jobs of a day, in slot order. */
export function listTechnicianJobs(db: Database, { technicianId, serviceDate }: { technicianId: number; serviceDate: string }): Promise<Order[]> {
  return db
    .select()
    .from(orders)
    .where(and(eq(orders.technicianId, technicianId), eq(orders.serviceDate, serviceDate), ne(orders.repairStatus, "cancelled")))
    .orderBy(asc(orders.slotLabel), asc(orders.createdAt));
}

/** A technician's live jobs from `from` on, counted per service date: what a change of their working days must not strand. */
export async function countComingJobs(db: Database, { technicianId, from }: { technicianId: number; from: string }): Promise<{ serviceDate: string; jobs: number }[]> {
  return db
    .select({ serviceDate: orders.serviceDate, jobs: sql<number>`count(*)::int` })
    .from(orders)
    .where(and(eq(orders.technicianId, technicianId), sql`${orders.serviceDate} >= ${from}`, ne(orders.repairStatus, "cancelled"), ne(orders.repairStatus, "completed")))
    .groupBy(orders.serviceDate)
    .orderBy(asc(orders.serviceDate));
}

/** The live jobs of a slot on a day other than `exceptOrderId` (a technician does one at a time). */
const otherJobsInSlot = ({ slotId, serviceDate, exceptOrderId }: { slotId: number; serviceDate: string; exceptOrderId: string }) =>
  and(eq(orders.slotId, slotId), eq(orders.serviceDate, serviceDate), ne(orders.repairStatus, "cancelled"), ne(orders.id, exceptOrderId));

/** Another live job of a technician in a slot on a day (not `exceptOrderId`): read under the slot's lock before giving them one more. */
export async function findTechnicianJobInSlot(
  tx: Database,
  { technicianId, ...slotDay }: { technicianId: number; slotId: number; serviceDate: string; exceptOrderId: string },
): Promise<Order | undefined> {
  const rows = await tx
    .select()
    .from(orders)
    .where(and(eq(orders.technicianId, technicianId), otherJobsInSlot(slotDay)))
    .limit(1);
  return rows[0];
}

/** Each technician's other live jobs in a slot on a day (not `exceptOrderId`), by booking code: what the order page marks before a change. */
export async function listTechnicianJobsInSlot(
  db: Database,
  slotDay: { slotId: number; serviceDate: string; exceptOrderId: string },
): Promise<{ technicianId: number; bookingCode: string }[]> {
  const rows = await db
    .select({ technicianId: orders.technicianId, bookingCode: orders.bookingCode })
    .from(orders)
    .where(and(isNotNull(orders.technicianId), otherJobsInSlot(slotDay)))
    .orderBy(asc(orders.createdAt));
  return rows.flatMap(({ technicianId, bookingCode }) => (technicianId === null ? [] : [{ technicianId, bookingCode }]));
}
