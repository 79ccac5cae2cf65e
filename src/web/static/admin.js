// The editors' page: the token stays in this page's memory (never stored), and goes as a bearer token.

import { api, el, setupLangSwitch, t } from './common.js';

const $ = (id) => document.getElementById(id);

function auth() {
  return { Authorization: `Bearer ${$('token').value}` };
}

function show(message) {
  $('status').textContent = message;
}

async function loadPhrasings() {
  const { status, data } = await api('GET', '/admin/api/phrasings', undefined, auth());
  if (status !== 200) return show(data?.error ?? `HTTP ${status}`);
  show(`${data.total}`);
  const rows = data.groups.map((group) =>
    el(
      'tr',
      {},
      el('td', {}, String(group.size)),
      el('td', {}, group.example),
      el('td', {}, group.variants.map((variant) => `${variant.text} (${variant.count})`).join(' · ')),
      el('td', {}, `${group.firstDay} … ${group.lastDay}`),
    ),
  );
  $('phrasings').replaceChildren(
    el(
      'table',
      {},
      el(
        'thead',
        {},
        el(
          'tr',
          {},
          [t('size'), t('example'), t('variants'), t('period')].map((head) =>
            el('th', { scope: 'col' }, head),
          ),
        ),
      ),
      el('tbody', {}, rows),
    ),
  );
}

async function reload() {
  const { status, data } = await api('POST', '/admin/api/reload', undefined, auth());
  if (status === 200) return show(`OK: ${data.positions} / ${data.personas}, ${data.ms} ms (${data.scope})`);
  const problems = (data?.problems ?? []).map((problem) => problem.text);
  show([data?.error ?? `HTTP ${status}`, ...problems].join('\n'));
}

setupLangSwitch();
$('token-form').addEventListener('submit', (event) => {
  event.preventDefault();
  loadPhrasings().catch((error) => show(error.message));
});
$('reload').addEventListener('click', () => reload().catch((error) => show(error.message)));
