/** A customer's text cut to fit a summary line: whole, or its first `max` characters and "…". */
export function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

/** A branch on a button: "Name – start of the address", within what a button shows on a phone. */
export function branchLabel(name: string, address: string): string {
  return address ? shorten(`${name} – ${address}`, 60) : name;
}
