import { render } from 'preact';
import { api } from './api.js';
import { byId } from './dom.js';
import { setupLangSwitch, t } from './i18n.js';

// The editors' page: the token stays in this page's memory (never stored), and goes as a bearer token.

interface Phrasings {
  total: number;
  groups: {
    size: number;
    example: string;
    variants: { text: string; count: number }[];
    firstDay: string;
    lastDay: string;
  }[];
}

interface Reloaded {
  positions: number;
  personas: number;
  ms: number;
  scope: string;
}

interface Refused {
  error?: string;
  problems?: { text: string }[];
}

function auth(): Record<string, string> {
  return { Authorization: `Bearer ${byId<HTMLInputElement>('token').value}` };
}

function show(message: string): void {
  byId('status').textContent = message;
}

function PhrasingsTable({ groups }: Phrasings) {
  return (
    <table>
      <thead>
        <tr>
          {[t('size'), t('example'), t('variants'), t('period')].map((head) => (
            <th scope="col">{head}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {groups.map((group) => (
          <tr>
            <td>{String(group.size)}</td>
            <td>{group.example}</td>
            <td>{group.variants.map((variant) => `${variant.text} (${variant.count})`).join(' · ')}</td>
            <td>{`${group.firstDay} … ${group.lastDay}`}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

async function loadPhrasings(): Promise<void> {
  const reply = await api<Phrasings & Refused>('GET', '/admin/api/phrasings', undefined, auth());
  if (reply.status !== 200 || !reply.data) return show(reply.data?.error ?? `HTTP ${reply.status}`);
  show(`${reply.data.total}`);
  render(<PhrasingsTable {...reply.data} />, byId('phrasings'));
}

async function reload(): Promise<void> {
  const { status, data } = await api<Reloaded & Refused>('POST', '/admin/api/reload', undefined, auth());
  if (status === 200 && data)
    return show(`OK: ${data.positions} / ${data.personas}, ${data.ms} ms (${data.scope})`);
  const problems = (data?.problems ?? []).map((problem) => problem.text);
  show([data?.error ?? `HTTP ${status}`, ...problems].join('\n'));
}

const failed = (error: unknown) => show(error instanceof Error ? error.message : String(error));

setupLangSwitch();
byId('token-form').addEventListener('submit', (event) => {
  event.preventDefault();
  loadPhrasings().catch(failed);
});
byId('reload').addEventListener('click', () => reload().catch(failed));
