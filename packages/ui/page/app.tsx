import { runsHref, useRoute } from './route.js';
import { RunPage } from './run-page.js';
import { RunsList } from './runs-list.js';
import { storedToken } from './token.js';

/** The page: a bar on top, then the runs list or one run. */
export function App() {
  const route = useRoute();
  return (
    <>
      <nav class="top-bar">
        <a href={runsHref({ page: 0 })} class="brand">
          hamilton-ts <span>runs</span>
        </a>
        {storedToken() && <span class="muted">signed in with a token</span>}
      </nav>
      {route.view === 'run' ? <RunPage key={route.id} id={route.id} node={route.node} /> : <RunsList route={route} />}
    </>
  );
}
