// POST /reservasi – the home page's form: store the choices as a draft, then open the bot with it
import { getDb } from "@/db";
import { createDraft } from "@/lib/booking/create-draft";
import { botStartLink } from "@/lib/env";
import { withDbErrors } from "@/lib/http/with-db-errors";
import { draftFormLocation, readDraftInput } from "@/lib/site/draft-form";
import { pageLanguage } from "@/lib/site/page-language";
import { homeTexts } from "@/lib/site/texts";

export const dynamic = "force-dynamic";

const seeOther = (location: string) => new Response(null, { status: 303, headers: { location } });

export const POST = withDbErrors(async (request: Request) => {
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return new Response("Formulir tidak terbaca.", { status: 400 });
  }
  const input = readDraftInput((name) => form.get(name));
  const language = form.get("lang");
  if (!botStartLink()) return new Response(homeTexts(pageLanguage(typeof language === "string" ? language : undefined)).botUnavailable, { status: 503 });
  const result = await createDraft(await getDb(), input);
  if (result.status === "invalid") return seeOther(draftFormLocation(input, result.errors, typeof language === "string" ? language : undefined));
  return seeOther(botStartLink(result.id)!);
});
