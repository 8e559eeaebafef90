import { renderToString } from "react-dom/server";
import HomePage from "@/app/page";
import { addDepokBranch, DEPOK } from "@/tests/support/branch-fixtures";
import { registerSuiteDatabase } from "@/tests/support/suite-hooks";

/** Issue 16: the home page lists the branches (name, address, phone, map) once there is more than one. */
const suite = registerSuiteDatabase({ bot: true, env: { PLAYGROUND: undefined } });

const render = async () => renderToString(await HomePage({ searchParams: Promise.resolve({}) })).replaceAll("<!-- -->", "");

describe("branches on the home page", () => {
  it("with one branch there is no branch list; with two both are listed, and the opening hours stay the first branch's", async () => {
    const before = await render();
    expect(before).not.toContain("Cabang kami");
    await addDepokBranch(suite.db);
    const after = await render();
    expect(after).toContain("Cabang kami");
    expect(after).toContain(DEPOK.name);
    expect(after).toContain(DEPOK.address);
    expect(after).toContain('href="tel:+6281298765432"');
    // Depok's 10.00–12.00 slot is not the first branch's hours.
    expect(after).not.toContain("10.00 - 12.00 WIB");
  });
});
