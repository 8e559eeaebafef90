import Link from "next/link";
import type { PrintedOrder } from "@/lib/admin/job-sheet";
import { PrintButton } from "./print-button";
import styles from "./print.module.css";

/** One printable page (A5, or 80 mm thermal paper with `narrow`); the buttons are not printed. */
export function PrintSheet({ doc, narrow, backHref, widthHref }: { doc: PrintedOrder; narrow: boolean; backHref: string; widthHref: string }) {
  return (
    <main className={`${styles.sheet} ${narrow ? styles.narrow : ""}`}>
      {/* @page is per document: A5 or a thermal roll's width. */}
      <style>{narrow ? "@page { size: 80mm 200mm; margin: 4mm; }" : "@page { size: A5; margin: 10mm; }"}</style>
      <nav className={styles.tools} aria-label="Cetak">
        <Link href={backHref}>‹ Kembali ke pesanan</Link>
        <PrintButton />
        <Link href={widthHref}>{narrow ? "Kertas A5" : "Struk 80 mm"}</Link>
      </nav>
      <header className={styles.shop}>
        <h1>{doc.shop.name}</h1>
        {doc.shop.address && <p>{doc.shop.address}</p>}
        {doc.shop.phoneDisplay && <p>Telp/WA {doc.shop.phoneDisplay}</p>}
      </header>
      <h2 className={styles.title}>{doc.title}</h2>
      {doc.unavailable ? (
        <p className={styles.unavailable}>{doc.unavailable}</p>
      ) : (
        <>
          <dl className={styles.rows}>
            {doc.rows.map(([label, value]) => (
              <div key={label} style={{ display: "contents" }}>
                <dt>{label}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
          {doc.signatures.length > 0 && (
            <div className={styles.signatures}>
              {doc.signatures.map((who) => (
                <div key={who}>{who}</div>
              ))}
            </div>
          )}
        </>
      )}
    </main>
  );
}
