// The browser suites' Jest environment: Node's, plus a count of failed tests and
// hooks in this file, so the harness can print the app's server output when
// something failed (tests/support/next-app.ts) instead of losing it.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a plain CommonJS file: Jest loads it untransformed
const { TestEnvironment } = require("jest-environment-node");

class E2EEnvironment extends TestEnvironment {
  async handleTestEvent(event) {
    if (event.name === "test_fn_failure" || event.name === "hook_failure") {
      this.global.__E2E_FAILURES__ = (this.global.__E2E_FAILURES__ || 0) + 1;
    }
  }
}

module.exports = E2EEnvironment;
