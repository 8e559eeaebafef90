/**
 * Technicians' working days and what they do to a slot's places. A working-days
 * mask has one bit per weekday from Monday (bit 0) to Sunday (bit 6); weekdays
 * elsewhere are numbered 0 = Sunday … 6 = Saturday, as in the settings.
 */
export const EVERY_DAY_MASK = 0b1111111;

/** The mask's bit of a weekday (0 = Sunday … 6 = Saturday). */
export function weekdayBit(weekday: number): number {
  return 1 << ((weekday + 6) % 7);
}

export function worksOn(workingWeekdays: number, weekday: number): boolean {
  return (workingWeekdays & weekdayBit(weekday)) !== 0;
}

export function weekdaysMask(weekdays: readonly number[]): number {
  return weekdays.reduce((mask, weekday) => mask | weekdayBit(weekday), 0);
}

/** Technicians on duty on a weekday, or null when the shop has none (its slots keep their fixed places). */
export function techniciansOnDuty(technicians: readonly { workingWeekdays: number }[], weekday: number): number | null {
  if (technicians.length === 0) return null;
  return technicians.filter((t) => worksOn(t.workingWeekdays, weekday)).length;
}

/**
 * A slot's places on a day: as many as technicians on duty, once the shop has
 * technicians; the owner's fixed number otherwise. A slot the owner set to 0
 * for that weekday stays shut either way.
 */
export function slotPlaces(configured: number, onDuty: number | null): number {
  return configured > 0 && onDuty !== null ? onDuty : configured;
}
