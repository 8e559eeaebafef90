// GET / – the shop's home page: pitch, price list, opening hours and the way into the bot
import { getDb } from "@/db";
import { botStartLink } from "@/lib/env";
import { draftFormLocation, readDraftErrors, readDraftInput } from "@/lib/site/draft-form";
import { loadHomeView } from "@/lib/site/home-view";
import { openingHoursLine, shopContactOf } from "@/lib/site/shop-contact";
import { languageSwitch, pageLanguage } from "@/lib/site/page-language";
import { homeTexts } from "@/lib/site/texts";
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
  const view = await loadHomeView(await getDb(), { date: picked.date, branch: picked.branch });
  const orderLink = botStartLink("order");
  const language = pageLanguage(query.lang);
  const t = homeTexts(language);
  const other = languageSwitch(language, "/");
  // With several branches the prices, hours and free slots shown are one branch's: the headings say whose.
  const shownBranch = view.branches.length > 1 ? view.branches.find((branch) => branch.id === view.branchId) : undefined;
  const atBranch = (heading: string) => (shownBranch ? `${heading} · ${shownBranch.name}` : heading);
  // The footer's place and hours are the shown branch's; with one branch, the shop's settings as before.
  const footerContact = shownBranch ? shopContactOf({ shopName: shownBranch.name, ...shownBranch }) : shopContactOf(view.settings);
  return (
    <main className={styles.page} lang={language}>
      <header className={styles.hero}>
        <p className={styles.small}>
          <a href={other.href} hrefLang={other.lang} lang={other.lang} data-testid="language-switch">
            {other.label}
          </a>
        </p>
        <h1>{view.settings.shopName}</h1>
        <p className={styles.pitch}>{view.settings.tagline}</p>
        {orderLink ? (
          <a className={styles.cta} href={orderLink}>
            {t.reservasi}
          </a>
        ) : (
          <p role="status">{t.botUnavailable}</p>
        )}
        {orderLink && <p className={styles.small}>{t.reservasiHint}</p>}
      </header>

      <section aria-labelledby="harga" className={styles.card}>
        <h2 id="harga">{atBranch(t.pricesHeading)}</h2>
        <CatalogTable view={view} t={t} />
      </section>

      {orderLink && (
        <section aria-labelledby="reservasi" className={styles.card}>
          <h2 id="reservasi">{t.chooseHeading}</h2>
          <ChoiceForm view={view} picked={picked} errors={readDraftErrors(query.err, language)} language={language} />
        </section>
      )}

      <section aria-labelledby="jam" className={styles.card}>
        <h2 id="jam">{atBranch(t.hoursHeading)}</h2>
        <OpeningHours view={view} language={language} />
      </section>

      {view.branches.length > 1 && (
        <section aria-labelledby="cabang" className={styles.card}>
          <h2 id="cabang">{t.branchesHeading}</h2>
          {view.branches.map((branch) => (
            <div key={branch.id}>
              <ShopContactCard info={{ contact: shopContactOf({ shopName: branch.name, ...branch }) }} language={language} />
              {branch.id !== view.branchId && (
                <p className={styles.small}>
                  <a href={draftFormLocation({ branch: String(branch.id) }, {}, language)}>{t.showBranch(branch.name)}</a>
                </p>
              )}
            </div>
          ))}
        </section>
      )}

      <footer className={styles.card} aria-label={t.contactLabel}>
        <ShopContactCard
          heading={t.contactHeading}
          info={{ contact: footerContact, hours: openingHoursLine(view.week, language) }}
          language={language}
        />
      </footer>
    </main>
  );
}
