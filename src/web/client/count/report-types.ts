import type { Report, ReportStation } from '../../../count/report.js';

// The report as the page reads it from GET /api/count/elections/ID/report. A station may also say how many
// volunteers' data a coordinator excluded from its figures (coordinator review); older servers leave it out.

export type PageStation = ReportStation & { excluded?: number };

export type PageReport = Omit<Report, 'stations'> & { stations: PageStation[] };

export interface AnswerName {
  id: string;
  ru: string;
  en: string;
}
