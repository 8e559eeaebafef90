import { slotPlaces, techniciansOnDuty, weekdayBit, weekdaysMask, worksOn } from "@/lib/booking/technicians";
import { weeklyHours } from "@/lib/booking/weekly-hours";

describe("working-day masks (Monday bit 0 … Sunday bit 6; weekdays 0 = Sunday)", () => {
  it.each([
    [1, 0b0000001],
    [5, 0b0010000],
    [6, 0b0100000],
    [0, 0b1000000],
  ])("weekday %i has the mask value %i", (weekday, bit) => {
    expect(weekdayBit(weekday)).toBe(bit);
  });

  it("a mask of Monday to Friday works Wednesday, not Sunday", () => {
    const mask = weekdaysMask([1, 2, 3, 4, 5]);
    expect(mask).toBe(0b0011111);
    expect([worksOn(mask, 3), worksOn(mask, 0)]).toEqual([true, false]);
  });
});

describe("a slot's places", () => {
  it.each([
    ["no technicians: the schedule's capacity", 2, null, 2],
    ["three on duty", 2, 3, 3],
    ["nobody on duty", 2, 0, 0],
    ["the slot does not run that weekday", 0, 3, 0],
  ] as const)("%s", (_case, configured, onDuty, places) => {
    expect(slotPlaces(configured, onDuty)).toBe(places);
  });

  it("counts the technicians whose mask has the weekday; none at all is null", () => {
    const team = [{ workingWeekdays: weekdaysMask([1, 2]) }, { workingWeekdays: weekdaysMask([2, 6]) }];
    expect([1, 2, 0].map((weekday) => techniciansOnDuty(team, weekday))).toEqual([1, 2, 0]);
    expect(techniciansOnDuty([], 1)).toBeNull();
  });

  it("the week of the home page: a weekday nobody works is shut, the others have as many places as technicians", () => {
    const slot = { id: 1, label: "09.00 - 11.00 WIB", startTime: "09:00", endTime: "11:00", capacity: 2, active: true };
    const week = weeklyHours([slot], new Map(), [], [{ workingWeekdays: weekdaysMask([1, 2, 3, 4, 5, 6]) }, { workingWeekdays: weekdaysMask([6]) }]);
    expect(week.map((day) => [day.weekday, day.slots.map((s) => s.capacity)])).toEqual([
      [1, [1]],
      [2, [1]],
      [3, [1]],
      [4, [1]],
      [5, [1]],
      [6, [2]],
      [0, []],
    ]);
  });
});
