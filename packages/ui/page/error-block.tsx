import type { RecordedError } from '../src/store/records.js';

/** An error's type and message, and its stack when recorded. */
export function ErrorBlock({ error, title }: { readonly error: RecordedError; readonly title?: string }) {
  return (
    <div class="error-block">
      {title && <div class="error-title">{title}</div>}
      <div class="error-message">
        <strong>{error.type}</strong>: {error.message}
      </div>
      {error.stack && <pre class="stack">{error.stack}</pre>}
    </div>
  );
}
