import { render } from 'preact';
import { byId } from '../dom.js';
import { setupLangSwitch } from '../i18n.js';
import { ReportPage } from './report-page.js';
import './live.css';
import './report.css';

// The report page, /count/<election>/report: the election is the part of the address before "report".

/** The election id as written in the address; an undecodable one is shown as typed and found by no one. */
function electionFromPath(): string {
  const part = location.pathname.split('/').filter(Boolean).at(-2) ?? '';
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

setupLangSwitch();
render(<ReportPage election={electionFromPath()} />, byId('report'));
