import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { byId } from '../dom.js';
import { lang, onLangChange, setupLangSwitch } from '../i18n.js';
import { FORM_TEXTS } from './form-texts.js';
import './form.css';

// A voter's own exit-poll form, /count/form#CODE: the code from the card's QR link stays in the fragment, so it
// never reaches a server's log. One tap answers; the server counts the answer once and keeps it as station,
// 15-minute bucket and answer. Nothing is stored on the phone.

interface Answer {
  id: string;
  ru: string;
  en: string;
}

interface Form {
  election: string;
  title: { ru: string; en: string };
  station: string;
  city: string;
  answers: Answer[];
}

type Refusal = 'unknown' | 'used' | 'expired';

type Screen =
  | { kind: 'loading' }
  | { kind: 'no-code' }
  | { kind: 'refused'; reason: Refusal }
  | { kind: 'question'; form: Form; sending: string | null }
  | { kind: 'thanks' };

/** What went wrong with the last request, shown above whatever the screen is, with a way to try again. */
type Trouble = { kind: 'offline' } | { kind: 'busy' } | { kind: 'refused'; reason: string } | null;

function troubleText(trouble: NonNullable<Trouble>): string {
  const w = FORM_TEXTS[lang()];
  if (trouble.kind === 'refused') return w.refused(trouble.reason);
  return trouble.kind === 'offline' ? w.offline : w.busy;
}

const REFUSALS: Record<number, Refusal> = { 404: 'unknown', 409: 'used', 410: 'expired' };

type Reply = { status: number; data: Record<string, unknown> | null } | 'offline';

async function post(path: string, body: unknown): Promise<Reply> {
  try {
    const response = await fetch(path, {
      method: 'POST',
      headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
      credentials: 'omit',
      cache: 'no-store',
    });
    const data = (await response.json().catch(() => null)) as Record<string, unknown> | null;
    // A restarting server or its proxy: nothing was counted, the same tap may be tried again.
    return response.status >= 500 ? 'offline' : { status: response.status, data };
  } catch {
    return 'offline';
  }
}

function codeInAddress(): string {
  try {
    return decodeURIComponent(location.hash.slice(1)).trim();
  } catch {
    return location.hash.slice(1).trim();
  }
}

const words = () => FORM_TEXTS[lang()];

function FormPage() {
  const [, setLang] = useState(lang());
  const [code, setCode] = useState(codeInAddress);
  const [screen, setScreen] = useState<Screen>({ kind: 'loading' });
  const [trouble, setTrouble] = useState<Trouble>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => onLangChange(setLang), []);
  useEffect(() => {
    const follow = () => setCode(codeInAddress());
    addEventListener('hashchange', follow);
    return () => removeEventListener('hashchange', follow);
  }, []);

  useEffect(() => {
    if (!code) {
      setScreen({ kind: 'no-code' });
      return;
    }
    let current = true;
    setScreen({ kind: 'loading' });
    setTrouble(null);
    void post('/api/count/forms/open', { code }).then((reply) => {
      if (!current) return;
      if (reply === 'offline') return setTrouble({ kind: 'offline' });
      if (reply.status === 429) return setTrouble({ kind: 'busy' });
      const refusal = REFUSALS[reply.status];
      if (refusal) return setScreen({ kind: 'refused', reason: refusal });
      if (reply.status === 200 && reply.data)
        return setScreen({ kind: 'question', form: reply.data as unknown as Form, sending: null });
      setTrouble({ kind: 'refused', reason: String(reply.data?.error ?? reply.status) });
    });
    return () => {
      current = false;
    };
  }, [code, attempt]);

  async function answer(form: Form, id: string) {
    setScreen({ kind: 'question', form, sending: id });
    setTrouble(null);
    const reply = await post('/api/count/forms', { code, answer: id, station: form.station });
    if (reply !== 'offline' && reply.status === 201) return setScreen({ kind: 'thanks' });
    const refusal = reply === 'offline' ? undefined : REFUSALS[reply.status];
    if (refusal) return setScreen({ kind: 'refused', reason: refusal });
    // Nothing was counted: the answers come back, with what went wrong above them.
    setScreen({ kind: 'question', form, sending: null });
    if (reply === 'offline') setTrouble({ kind: 'offline' });
    else if (reply.status === 429) setTrouble({ kind: 'busy' });
    else setTrouble({ kind: 'refused', reason: String(reply.data?.error ?? reply.status) });
  }

  const w = words();
  return (
    <>
      {trouble && (
        <div class="form-trouble" role="alert">
          <p>{troubleText(trouble)}</p>
          {screen.kind === 'loading' && (
            <button type="button" class="quiet" onClick={() => setAttempt(attempt + 1)}>
              {w.tryAgain}
            </button>
          )}
        </div>
      )}
      <Shown screen={screen} answer={answer} />
    </>
  );
}

function Shown({ screen, answer }: { screen: Screen; answer: (form: Form, id: string) => void }) {
  const w = words();
  switch (screen.kind) {
    case 'loading':
      return (
        <p class="form-status" role="status">
          {w.loading}
        </p>
      );
    case 'no-code':
      return (
        <>
          <p class="form-lead">{w.noCode}</p>
          <CodeEntry />
        </>
      );
    case 'refused':
      return (
        <section class={`form-outcome ${screen.reason}`} role="status">
          <h2>{screen.reason === 'used' ? w.used : screen.reason === 'expired' ? w.expired : w.unknown}</h2>
          {screen.reason === 'used' && <p>{w.usedDetail}</p>}
          {screen.reason === 'unknown' && (
            <>
              <p>{w.unknownDetail}</p>
              <CodeEntry />
            </>
          )}
        </section>
      );
    case 'thanks':
      return (
        <section class="form-outcome thanks" role="status">
          <h2>{w.thanks}</h2>
          <p>{w.thanksDetail}</p>
        </section>
      );
    case 'question':
      return <Question form={screen.form} sending={screen.sending} answer={answer} />;
  }
}

function Question(props: { form: Form; sending: string | null; answer: (form: Form, id: string) => void }) {
  const { form, sending } = props;
  const w = words();
  const label = (a: Answer) => w.voterAnswers[a.id] ?? a[lang()];
  return (
    <section aria-labelledby="form-question">
      <p class="form-where">
        {form.title[lang()]}
        <br />
        <strong>{w.station(form.station, form.city)}</strong>
      </p>
      <h2 id="form-question" class="form-question">
        {w.question}
      </h2>
      {/* Said before the answers, since a tap cannot be taken back. */}
      <p class="hint form-one-tap">{w.oneTap}</p>
      <div class="form-answers">
        {form.answers.map((a) => (
          <button
            type="button"
            class={a.id === 'declined' ? 'form-answer declined' : 'form-answer'}
            data-answer={a.id}
            disabled={sending !== null}
            aria-busy={sending === a.id}
            onClick={() => props.answer(form, a.id)}
          >
            {sending === a.id ? w.sending : label(a)}
          </button>
        ))}
      </div>
      <p class="hint form-anonymous">{w.anonymous}</p>
    </section>
  );
}

/** For a phone that cannot scan: the code typed from the card becomes the address's fragment. */
function CodeEntry() {
  const w = words();
  const [typed, setTyped] = useState('');
  return (
    <form
      class="form-code"
      onSubmit={(event) => {
        event.preventDefault();
        if (typed.trim()) location.hash = typed.trim();
      }}
    >
      <label for="form-code">{w.codeLabel}</label>
      <input
        id="form-code"
        autocomplete="off"
        autocapitalize="none"
        spellcheck={false}
        value={typed}
        onInput={(event) => setTyped(event.currentTarget.value)}
      />
      <button type="submit">{w.codeOpen}</button>
    </form>
  );
}

setupLangSwitch();
render(<FormPage />, byId('form'));
