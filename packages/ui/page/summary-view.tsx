// A value summary (never the value): the fields the tracker kept, in a small table.
import type { SummaryStat, ValueSummary } from '../src/store/records.js';
import { formatNumber } from './format.js';

const NUMBER_FIELDS = ['length', 'rows', 'columns', 'min', 'max', 'mean', 'nanCount'] as const;
const LABELS: Record<(typeof NUMBER_FIELDS)[number], string> = {
  length: 'length',
  rows: 'rows',
  columns: 'columns',
  min: 'min',
  max: 'max',
  mean: 'mean',
  nanCount: 'NaN count',
};

/** The summary's fields; a table's columns one per row. */
export function SummaryView({ summary }: { readonly summary: ValueSummary }) {
  const columns = Object.entries(summary.columnSummaries ?? {});
  return (
    <div class="summary">
      <table class="facts">
        <tbody>
          <tr>
            <th>type</th>
            <td>
              {summary.type} <span class="muted">({summary.kind})</span>
            </td>
          </tr>
          {summary.value !== undefined && (
            <tr>
              <th>value</th>
              <td class="mono">{summary.kind === 'number' ? formatNumber(summary.value as SummaryStat | null) : String(summary.value)}</td>
            </tr>
          )}
          {NUMBER_FIELDS.map(
            (field) =>
              summary[field] !== undefined && (
                <tr key={field}>
                  <th>{LABELS[field]}</th>
                  <td class="mono">{formatNumber(summary[field] ?? null)}</td>
                </tr>
              ),
          )}
          {summary.preview !== undefined && (
            <tr>
              <th>preview</th>
              <td>
                <pre class="preview">{summary.preview}</pre>
              </td>
            </tr>
          )}
        </tbody>
      </table>
      {columns.length > 0 && (
        <table class="columns">
          <thead>
            <tr>
              <th>column</th>
              <th>type</th>
              <th>min</th>
              <th>max</th>
              <th>mean</th>
              <th>NaN</th>
            </tr>
          </thead>
          <tbody>
            {columns.map(([name, column]) => (
              <tr key={name}>
                <td>{name}</td>
                <td>{column.type}</td>
                {(['min', 'max', 'mean', 'nanCount'] as const).map((field) => (
                  <td key={field} class="mono">
                    {column[field] === undefined ? '' : formatNumber(column[field] ?? null)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {summary.skipped && <p class="muted">Not summarised: {summary.skipped}</p>}
    </div>
  );
}
