"use server";
import { revalidatePath } from "next/cache";
import { ownerFormAction, postedBranch } from "@/lib/admin/admin-action";
import { clearBranchPrice, saveBranchPrice } from "@/lib/admin/branch-prices";
import { removeCatalogItem, removePrice, saveCatalogItem, savePrice } from "@/lib/admin/catalog";
import { branchPriceInput, branchPriceRef, catalogItemInput, itemRef, priceInput, priceRef } from "@/lib/admin/catalog-input";

// Every /admin/catalog form: the owner only, the fields checked, one audited change, the page drawn again.
const redraw = () => revalidatePath("/admin/catalog");

export const saveDevice = ownerFormAction(catalogItemInput, (db, by, input) => saveCatalogItem(db, by, "device", input), redraw);
export const removeDevice = ownerFormAction(itemRef, (db, by, input) => removeCatalogItem(db, by, "device", input), redraw);
export const savePart = ownerFormAction(catalogItemInput, (db, by, input) => saveCatalogItem(db, by, "part", input), redraw);
export const removePart = ownerFormAction(itemRef, (db, by, input) => removeCatalogItem(db, by, "part", input), redraw);
export const saveDevicePrice = ownerFormAction(priceInput, savePrice, redraw);
export const removeDevicePrice = ownerFormAction(priceRef, removePrice, redraw);
// A branch's own price: the posted branch checked in the action (an unknown or inactive one is refused).
export const saveBranchPriceAction = ownerFormAction(branchPriceInput, saveBranchPrice, redraw, postedBranch);
export const clearBranchPriceAction = ownerFormAction(branchPriceRef, clearBranchPrice, redraw, postedBranch);
