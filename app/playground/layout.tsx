import { notFound } from "next/navigation";
import { isPlaygroundOn } from "@/lib/playground/guard";

// Decided per request: a build made without PLAYGROUND must still serve the playground when started with it.
export const dynamic = "force-dynamic";

export default function PlaygroundLayout({ children }: { children: React.ReactNode }) {
  if (!isPlaygroundOn()) notFound();
  return children;
}
