import { formatRupiah } from "@/lib/booking/money";
import type { HomeView } from "@/lib/site/home-view";
import type { HomeTexts } from "@/lib/site/texts";
import styles from "./home.module.css";

/** Device × part, one row per device; "–" where the part is not offered for that model. */
export function CatalogTable({ view, t }: { view: HomeView; t: HomeTexts }) {
  const price = new Map(view.catalog.map((e) => [`${e.deviceId}:${e.partId}`, e.priceIdr]));
  if (view.catalog.length === 0) return <p>{t.catalogUpdating}</p>;
  return (
    <>
      <p className={styles.small}>{t.catalogScrollHint}</p>
      <div className={styles.scroll} role="region" aria-labelledby="harga" tabIndex={0}>
        <table className={styles.prices} data-testid="catalog">
          <thead>
            <tr>
              <th scope="col">{t.device}</th>
              {view.parts.map((p) => (
                <th key={p.id} scope="col">
                  {p.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {view.devices.map((d) => (
              <tr key={d.id}>
                <th scope="row">{d.name}</th>
                {view.parts.map((p) => {
                  const amount = price.get(`${d.id}:${p.id}`);
                  const offer = view.shelf.get(`${d.id}:${p.id}`);
                  const note = offer?.kind === "out" ? t.outOfStock : offer?.kind === "backorder" ? t.backorder(offer.days) : undefined;
                  return (
                    <td key={p.id} aria-label={amount === undefined ? t.notOffered : undefined}>
                      {amount === undefined ? "–" : formatRupiah(amount)}
                      {amount !== undefined && note && <span className={styles.small}> ({note})</span>}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
