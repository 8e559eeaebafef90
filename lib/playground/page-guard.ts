import "server-only";
import { notFound } from "next/navigation";
import { isPlaygroundOn } from "./guard";

/**
 * Every playground page calls this itself: a client navigation (RSC request)
 * renders the page without app/playground/layout.tsx, so the layout's check
 * alone would not stop it.
 */
export function requirePlaygroundPage(): void {
  if (!isPlaygroundOn()) notFound();
}
