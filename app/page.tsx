// GET / – the shop's home page: pitch, price list, opening hours and the way into the bot
import { getDb } from "@/db";
import { botStartLink } from "@/lib/env";
import { readDraftErrors, readDraftInput } from "@/lib/site/draft-form";
import { loadHomeView } from "@/lib/site/home-view";
import { openingHoursLine, shopContactOf } from "@/lib/site/shop-contact";
import { BOT_UNAVAILABLE_TEXT, RESERVASI_HINT } from "@/lib/site/texts";
import { CatalogTable } from "./catalog-table";
import { ChoiceForm } from "./choice-form";
import { OpeningHours } from "./opening-hours";
import { ShopContactCard } from "./shop-contact";
import styles from "./home.module.css";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function HomePage({ searchParams }: Props) {
  const query = await searchParams;
  const picked = readDraftInput((name) => query[name]);
  const view = await loadHomeView(await getDb(), { date: picked.date });
  const orderLink = botStartLink("order");
  return (
    <main className={styles.page}>
      <header className={styles.hero}>
        <h1>{view.settings.shopName}</h1>
        <p className={styles.pitch}>{view.settings.tagline}</p>
        {orderLink ? (
          <a className={styles.cta} href={orderLink}>
            Reservasi
          </a>
        ) : (
          <p role="status">{BOT_UNAVAILABLE_TEXT}</p>
        )}
        {orderLink && <p className={styles.small}>{RESERVASI_HINT}</p>}
      </header>

      <section aria-labelledby="harga" className={styles.card}>
        <h2 id="harga">Daftar harga</h2>
        <CatalogTable view={view} />
      </section>

      {orderLink && (
        <section aria-labelledby="reservasi" className={styles.card}>
          <h2 id="reservasi">Pilih dulu di sini</h2>
          <ChoiceForm view={view} picked={picked} errors={readDraftErrors(query.err)} />
        </section>
      )}

      <section aria-labelledby="jam" className={styles.card}>
        <h2 id="jam">Jam buka</h2>
        <OpeningHours view={view} />
      </section>

      <footer className={styles.card} aria-label="Lokasi dan kontak">
        <ShopContactCard
          heading="Lokasi & kontak"
          info={{ contact: shopContactOf(view.settings), hours: openingHoursLine(view.week) }}
        />
      </footer>
    </main>
  );
}
