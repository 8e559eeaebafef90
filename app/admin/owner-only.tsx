import styles from "./admin.module.css";

/** What staff see on a page only the owner may use (the menu does not offer it to them). */
export function OwnerOnly({ title }: { title: string }) {
  return (
    <>
      <h1>{title}</h1>
      <section className={styles.panel}>
        <p role="alert">Halaman ini hanya untuk pemilik toko. Minta pemilik untuk mengubah {title.toLowerCase()}.</p>
      </section>
    </>
  );
}
