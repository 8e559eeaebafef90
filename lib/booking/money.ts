/** Money is integer rupiah everywhere; this is the one place it becomes text. */
export function formatRupiah(amount: number): string {
  if (!Number.isSafeInteger(amount)) throw new RangeError(`not an integer rupiah amount: ${amount}`);
  const digits = Math.abs(amount).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  return `${amount < 0 ? "-" : ""}Rp${digits}`;
}
