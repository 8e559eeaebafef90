"use server";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db";
import { signIn, signOut } from "@/lib/admin/auth";
import { sessionCookieName, sessionCookieOptions } from "@/lib/admin/cookie";
import { safeAdminPath } from "@/lib/admin/paths";
import { clientIpOf } from "@/lib/http/client-ip";

/** A refused sign-in gives back the username typed (never the password) so the form keeps it, and counts tries so each one shows. */
export type LoginState = { status: "idle" } | { status: "invalid"; message: string; username: string; attempt: number };

const LoginForm = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(200),
  next: z.string().optional(),
});

export async function logIn(previous: LoginState, form: FormData): Promise<LoginState> {
  const typed = String(form.get("username") ?? "").slice(0, 64);
  const refused = (message: string): LoginState => ({ status: "invalid", message, username: typed, attempt: previous.status === "invalid" ? previous.attempt + 1 : 1 });
  const parsed = LoginForm.safeParse(Object.fromEntries(form));
  if (!parsed.success) return refused("Isi nama pengguna dan kata sandi.");
  const h = await headers();
  const result = await signIn(await getDb(), {
    username: parsed.data.username,
    password: parsed.data.password,
    ip: clientIpOf(h),
    userAgent: h.get("user-agent"),
  });
  if (result.status === "throttled") {
    const minutes = Math.max(1, Math.ceil(result.retryAfterSeconds / 60));
    return refused(`Terlalu banyak percobaan yang salah. Coba lagi dalam ${minutes} menit.`);
  }
  if (result.status === "invalid") {
    const next = result.attemptsLeft > 0 ? `Sisa ${result.attemptsLeft} percobaan sebelum diperlambat.` : "Percobaan berikutnya diperlambat.";
    return refused(`Nama pengguna atau kata sandi salah. ${next}`);
  }
  (await cookies()).set(sessionCookieName(), result.token, sessionCookieOptions(result.expiresAt));
  redirect(safeAdminPath(parsed.data.next));
}

export async function logOut(): Promise<void> {
  const jar = await cookies();
  await signOut(await getDb(), jar.get(sessionCookieName())?.value);
  jar.delete(sessionCookieName());
  redirect("/admin/login");
}
