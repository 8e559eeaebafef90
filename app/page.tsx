export default function HomePage() {
  return (
    <main>
      <h1>Jiot Gadget Solution</h1>
      <p>Servis iPhone terpercaya sejak 2019.</p>
    </main>
  );
}
