/**
 * next/navigation for a bare server render of a page whose client part asks
 * for the App Router, which nothing has mounted there:
 *   jest.mock("next/navigation", () => jest.requireActual("@/tests/support/no-app-router").navigationWithoutRouter);
 */
export const navigationWithoutRouter = {
  ...jest.requireActual("next/navigation"),
  useRouter: () => ({ refresh() {}, push() {}, replace() {}, prefetch() {}, back() {}, forward() {} }),
};
