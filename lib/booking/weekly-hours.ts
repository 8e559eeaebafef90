import { weekdayName } from "./calendar";
import { slotPlaces, techniciansOnDuty } from "./technicians";

/** The shop's week: which slots run on each weekday and with how many places. */
export const WEEKDAY_NAMES = ["Minggu", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu"] as const;

/** Monday first, as the shop's week reads; Sunday last. */
export const WEEK_ORDER = [1, 2, 3, 4, 5, 6, 0] as const;

export interface WeeklySlot {
  id: number;
  label: string;
  startTime: string;
  endTime: string;
  capacity: number;
  active: boolean;
}

export interface WeekdayHours {
  weekday: number;
  /** The slots that run that day with that day's capacity; empty = the shop is shut that weekday. */
  slots: WeeklySlot[];
}

/**
 * Each weekday's slots: active ones whose capacity that weekday (its own row in
 * `weekdayCapacities`, keyed "slotId:weekday", else the slot's capacity) is above 0,
 * none on the weekly closed days. Once the shop has `technicians`, a running
 * slot's places are the technicians on duty that weekday (none: the day is shut).
 */
export function weeklyHours(
  slots: WeeklySlot[],
  weekdayCapacities: ReadonlyMap<string, number>,
  closedWeekdays: readonly number[],
  technicians: readonly { workingWeekdays: number }[] = [],
): WeekdayHours[] {
  return WEEK_ORDER.map((weekday) => ({
    weekday,
    slots: closedWeekdays.includes(weekday)
      ? []
      : slots
          .filter((s) => s.active)
          .map((s) => ({ ...s, capacity: slotPlaces(weekdayCapacities.get(`${s.id}:${weekday}`) ?? s.capacity, techniciansOnDuty(technicians, weekday)) }))
          .filter((s) => s.capacity > 0)
          .sort((a, b) => a.startTime.localeCompare(b.startTime)),
  }));
}

/** "09.00–20.00" of a day's slots. */
export function hoursSpan(slots: Pick<WeeklySlot, "startTime" | "endTime">[]): string {
  const from = slots.map((s) => s.startTime).sort()[0]!.replace(":", ".");
  const to = slots.map((s) => s.endTime).sort().at(-1)!.replace(":", ".");
  return `${from}–${to}`;
}

export interface HoursGroup {
  /** "Senin–Jumat", "Sabtu", "Senin, Rabu". */
  days: string;
  weekdays: number[];
  /** Slot labels of those days; empty = shut. */
  labels: string[];
  span?: string;
}

function dayRange(weekdays: number[], language: "id" | "en"): string {
  const positions = weekdays.map((d) => WEEK_ORDER.indexOf(d as (typeof WEEK_ORDER)[number]));
  const consecutive = weekdays.length > 2 && positions.every((p, i) => i === 0 || p === positions[i - 1]! + 1);
  const name = (d: number) => weekdayName(d, language);
  return consecutive ? `${name(weekdays[0]!)}–${name(weekdays.at(-1)!)}` : weekdays.map(name).join(", ");
}

/** Weekdays with the same slots grouped together, Monday first: what the home page lists. */
export function groupWeek(week: WeekdayHours[], language: "id" | "en" = "id"): HoursGroup[] {
  const groups: { signature: string; weekdays: number[]; day: WeekdayHours }[] = [];
  for (const day of week) {
    const signature = day.slots.map((s) => s.id).join(",");
    const same = groups.find((g) => g.signature === signature);
    if (same) same.weekdays.push(day.weekday);
    else groups.push({ signature, weekdays: [day.weekday], day });
  }
  return groups.map(({ weekdays, day }) => ({
    days: dayRange(weekdays, language),
    weekdays,
    labels: day.slots.map((s) => s.label),
    span: day.slots.length > 0 ? hoursSpan(day.slots) : undefined,
  }));
}
