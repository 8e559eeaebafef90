import type { Database } from "@/db";
import { listAllBranches } from "@/db/queries/branches";
import type { Branch } from "@/db/schema";

/**
 * The branch a staff alert names, when the shop has several to tell apart (none with one
 * branch: the text stays as it was). Staff chats are linked to the shop, not to a branch or
 * an admin, so every chat hears every branch's alerts and the name says whose they are.
 */
export async function branchToNameInAlert(tx: Database, branchId: number): Promise<Branch | undefined> {
  const all = await listAllBranches(tx);
  return all.filter((branch) => branch.active).length > 1 ? all.find((branch) => branch.id === branchId) : undefined;
}
