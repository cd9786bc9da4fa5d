export function App() {
  return (
    <main>
      <h1>gwsim</h1>
      <p>Gateway API designer and simulator.</p>
    </main>
  );
}
