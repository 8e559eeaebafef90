// Jest's module resolution, except that drizzle-orm's entity module is tests/support/drizzle-entity.cjs (why: there).
"use strict";
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a plain CommonJS file: Jest loads it untransformed
const path = require("node:path");

const drizzleEntity = new Set(["entity.cjs", "entity.js"].map((file) => path.join(path.dirname(require.resolve("drizzle-orm")), file)));
const rememberingEntity = path.join(__dirname, "drizzle-entity.cjs");

module.exports = (request, options) => {
  const resolved = options.defaultResolver(request, options);
  return drizzleEntity.has(resolved) ? rememberingEntity : resolved;
};
