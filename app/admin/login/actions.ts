"use server";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db";
import { signIn, signOut } from "@/lib/admin/auth";
import { sessionCookieName, sessionCookieOptions } from "@/lib/admin/cookie";
import { safeAdminPath } from "@/lib/admin/paths";
import { clientIpOf } from "@/lib/http/client-ip";

export type LoginState = { status: "idle" } | { status: "invalid"; message: string };

const LoginForm = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(200),
  next: z.string().optional(),
});

export async function logIn(_previous: LoginState, form: FormData): Promise<LoginState> {
  const parsed = LoginForm.safeParse(Object.fromEntries(form));
  if (!parsed.success) return { status: "invalid", message: "Isi nama pengguna dan kata sandi." };
  const h = await headers();
  const result = await signIn(await getDb(), {
    username: parsed.data.username,
    password: parsed.data.password,
    ip: clientIpOf(h),
    userAgent: h.get("user-agent"),
  });
  if (result.status === "throttled") {
    const minutes = Math.max(1, Math.ceil(result.retryAfterSeconds / 60));
    return { status: "invalid", message: `Terlalu banyak percobaan yang salah. Coba lagi dalam ${minutes} menit.` };
  }
  if (result.status === "invalid") {
    const next = result.attemptsLeft > 0 ? `Sisa ${result.attemptsLeft} percobaan sebelum diperlambat.` : "Percobaan berikutnya diperlambat.";
    return { status: "invalid", message: `Nama pengguna atau kata sandi salah. ${next}` };
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
