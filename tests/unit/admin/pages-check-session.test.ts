import fs from "node:fs";
import path from "node:path";

// Next.js renders a page without its layouts for a client navigation, so a
// check in a layout protects nothing on its own: each page must make its own.
const ROOT = path.resolve(__dirname, "..", "..", "..");

function pagesUnder(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name === "page.tsx")
    .map((entry) => path.relative(ROOT, path.join(entry.parentPath, entry.name)));
}

describe("every protected page checks access itself, not only in its layout", () => {
  const adminPages = pagesUnder("app/admin").filter((file) => !file.startsWith(path.join("app", "admin", "login")));
  const playgroundPages = pagesUnder("app/playground");

  it("finds the pages it checks", () => {
    expect(adminPages.length).toBeGreaterThanOrEqual(8);
    expect(playgroundPages.length).toBeGreaterThanOrEqual(4);
  });

  it.each(adminPages)("%s calls requireAdminPage", (file) => {
    expect(fs.readFileSync(path.join(ROOT, file), "utf8")).toMatch(/await requireAdminPage\(/);
  });

  it.each(playgroundPages)("%s calls requirePlaygroundPage", (file) => {
    expect(fs.readFileSync(path.join(ROOT, file), "utf8")).toMatch(/requirePlaygroundPage\(\)/);
  });
});
