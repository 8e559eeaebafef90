"use server";
import { revalidatePath } from "next/cache";
import type { z } from "zod";
import { getDb, type Database } from "@/db";
import { runAdminAction, type AdminActionState, type SignedInActor } from "@/lib/admin/admin-action";
import { removeCatalogItem, removePrice, saveCatalogItem, savePrice } from "@/lib/admin/catalog";
import { catalogItemInput, itemRef, priceInput, priceRef } from "@/lib/admin/catalog-input";
import type { EditResult } from "@/lib/admin/edit-result";

/** Every /admin/catalog form: the owner only, the fields checked, one audited change, the page drawn again. */
async function asOwner<S extends z.ZodType>(schema: S, form: FormData, change: (db: Database, by: SignedInActor, input: z.infer<S>) => Promise<EditResult>): Promise<EditResult> {
  const result = await runAdminAction({ ownerOnly: true }, schema, form, async (input, by) => change(await getDb(), by, input));
  revalidatePath("/admin/catalog");
  return result;
}

export async function saveDevice(_state: AdminActionState, form: FormData): Promise<EditResult> {
  return asOwner(catalogItemInput, form, (db, by, input) => saveCatalogItem(db, by, "device", input));
}

export async function removeDevice(_state: AdminActionState, form: FormData): Promise<EditResult> {
  return asOwner(itemRef, form, (db, by, input) => removeCatalogItem(db, by, "device", input));
}

export async function savePart(_state: AdminActionState, form: FormData): Promise<EditResult> {
  return asOwner(catalogItemInput, form, (db, by, input) => saveCatalogItem(db, by, "part", input));
}

export async function removePart(_state: AdminActionState, form: FormData): Promise<EditResult> {
  return asOwner(itemRef, form, (db, by, input) => removeCatalogItem(db, by, "part", input));
}

export async function saveDevicePrice(_state: AdminActionState, form: FormData): Promise<EditResult> {
  return asOwner(priceInput, form, savePrice);
}

export async function removeDevicePrice(_state: AdminActionState, form: FormData): Promise<EditResult> {
  return asOwner(priceRef, form, removePrice);
}
