import type { z } from "zod";

/** Who made an admin change: the audit log's actor and where the request came from. */
export interface AdminActor {
  username: string;
  ip?: string | null;
}

/** The answer of every admin change (each server action's); `_form` holds a problem that is not one field's. */
export type EditResult = { status: "ok"; message: string } | { status: "invalid"; errors: Record<string, string> };

/** What an admin form shows: nothing yet, or the last answer of its server action. */
export type AdminActionState = EditResult | { status: "idle" };

export const invalid = (errors: Record<string, string>): EditResult => ({ status: "invalid", errors });
export const ok = (message: string): EditResult => ({ status: "ok", message });

/** Parses a posted form with a schema; field problems come back keyed by field name. */
export function readForm<S extends z.ZodType>(
  schema: S,
  form: FormData,
): { ok: true; data: z.infer<S> } | { ok: false; errors: Record<string, string> } {
  const raw: Record<string, unknown> = {};
  for (const key of new Set(form.keys())) {
    const values = form.getAll(key).filter((v): v is string => typeof v === "string");
    raw[key] = values.length > 1 ? values : values[0];
  }
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, data: parsed.data };
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? "_form");
    errors[field] ??= issue.message;
  }
  return { ok: false, errors };
}

/** Checks a posted form with its schema, then makes the change; a form with problems changes nothing. */
export async function applyForm<S extends z.ZodType>(schema: S, form: FormData, change: (input: z.infer<S>) => Promise<EditResult>): Promise<EditResult> {
  const parsed = readForm(schema, form);
  return parsed.ok ? change(parsed.data) : invalid(parsed.errors);
}
