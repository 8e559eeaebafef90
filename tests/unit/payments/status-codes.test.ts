import { statusMatchesCode } from "@/lib/payments/status-codes";

// Every pair shown in Midtrans' documented samples (see the sources in lib/payments/status-codes.ts).
const DOCUMENTED: [string, string, string?][] = [
  ["settlement", "200", "accept"],
  ["capture", "200", "accept"],
  ["capture", "201", "challenge"],
  ["pending", "201"],
  ["PENDING", "201"],
  ["deny", "202", "accept"],
  ["cancel", "200", "accept"],
  ["cancel", "202", "accept"],
  ["expire", "407"],
  ["expire", "202"],
  ["refund", "200", "accept"],
  ["authorize", "200", "accept"],
];

const FORGED: [string, string, string?][] = [
  // Money only ever comes with 200.
  ["settlement", "201"],
  ["settlement", "202"],
  ["capture", "201", "accept"],
  ["capture", "202", "accept"],
  ["capture", "200", "challenge"],
  // A pending-signed body reverses nothing.
  ["deny", "201"],
  ["cancel", "201"],
  ["expire", "201"],
  ["refund", "201"],
  ["failure", "201"],
  ["partial_refund", "201"],
  ["chargeback", "201"],
  // A success-signed body is not a denial or an expiry, nor pending.
  ["deny", "200"],
  ["expire", "200"],
  ["pending", "200"],
  ["Deny", "200"],
];

describe("statusMatchesCode", () => {
  it("accepts every documented pair", () => {
    for (const [transaction_status, status_code, fraud_status] of DOCUMENTED) {
      expect([transaction_status, status_code, fraud_status, statusMatchesCode({ transaction_status, status_code, fraud_status })]).toEqual([
        transaction_status,
        status_code,
        fraud_status,
        true,
      ]);
    }
  });

  it("refuses money signed with anything but 200, and reversals signed pending", () => {
    for (const [transaction_status, status_code, fraud_status] of FORGED) {
      expect([transaction_status, status_code, fraud_status, statusMatchesCode({ transaction_status, status_code, fraud_status })]).toEqual([
        transaction_status,
        status_code,
        fraud_status,
        false,
      ]);
    }
  });

  it("leaves a status it does not know to the state machine (which ignores it)", () => {
    expect(statusMatchesCode({ transaction_status: "teleported", status_code: "200" })).toBe(true);
  });
});
