// drizzle-orm's entity.cjs for the test runs, with the same exports and answers, remembered.
//
// drizzle asks `is(value, SomeClass)` of every piece of every query it builds (is this a column? a table? a
// parameter?), and each question that is answered "no" walks the value's class chain. A profile of seven database
// test files (`node --cpu-prof node_modules/.bin/jest --runInBand …`) put 4.9 s of their ~50 s of CPU in `is` alone.
// The answer only depends on the value's prototype and the class asked about, so it is worked out once per pair
// here. Only Jest loads this file (tests/support/jest-resolver.cjs); the app, `npm run demo` and tests/bench run
// drizzle's own.
"use strict";

const entityKind = Symbol.for("drizzle:entityKind");
const hasOwnEntityKind = Symbol.for("drizzle:hasOwnEntityKind");

/** prototype → (class → answer) */
const answers = new WeakMap();

function is(value, type) {
  if (!value || typeof value !== "object") return false;
  const prototype = Object.getPrototypeOf(value);
  if (prototype === null) return workOut(value, type);
  let known = answers.get(prototype);
  if (!known) answers.set(prototype, (known = new Map()));
  let answer = known.get(type);
  if (answer === undefined) known.set(type, (answer = workOut(value, type)));
  return answer;
}

/** drizzle's rule: an instance of the class, or of a class in whose chain one carries the same entity kind. */
function workOut(value, type) {
  if (value instanceof type) return true;
  if (!Object.prototype.hasOwnProperty.call(type, entityKind)) {
    throw new Error(
      `Class "${type.name ?? "<unknown>"}" doesn't look like a Drizzle entity. If this is incorrect and the class is provided by Drizzle, please report this as a bug.`,
    );
  }
  for (let cls = Object.getPrototypeOf(value).constructor; cls; cls = Object.getPrototypeOf(cls)) {
    if (entityKind in cls && cls[entityKind] === type[entityKind]) return true;
  }
  return false;
}

module.exports = { entityKind, hasOwnEntityKind, is };
