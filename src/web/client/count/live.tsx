import { render } from 'preact';
import { byId } from '../dom.js';
import { setupLangSwitch } from '../i18n.js';
import { LivePage } from './live-page.js';
import './live.css';

// The live count page, /count/<election>: the election is the last part of the address.

/** The election id as written in the address; an undecodable one is shown as typed and found by no one. */
function electionFromPath(): string {
  const part = location.pathname.split('/').filter(Boolean).at(-1) ?? '';
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

setupLangSwitch();
render(<LivePage election={electionFromPath()} />, byId('live'));
