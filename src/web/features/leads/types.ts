// Shapes of the /api/v1/leads responses used by the leads pages.
export type HighlightKind = 'region' | 'actor' | 'act' | 'number' | 'date' | 'person';
export interface LeadRegion { code: string; name: string; level: string | null }

export interface LeadSummary {
  id: string;
  articleId: string;
  title: string | null;
  url: string | null;
  source: string;
  score: number;
  kind: string;
  regions: LeadRegion[];
  actors: string[];
  acts: string[];
  date: string | null;
  state: string;
  promotedCaseId: string | null;
  cluster: { id: string; state: string; size: number } | null;
}

export interface LeadDetail {
  id: string;
  state: string;
  score: number;
  kind: string;
  regions: LeadRegion[];
  actors: string[];
  acts: string[];
  date: string | null;
  people: { name: string; position: string }[];
  highlights: { start: number; end: number; kind: HighlightKind; label: string }[];
  promotedCaseId: string | null;
  article: { id: string; url: string | null; title: string | null; text: string; textSha256: string; source: string; publishedAt: string | null };
  cluster: { id: string; state: string; members: { articleId: string; leadId: string | null; title: string | null; url: string | null; source: string; state: string | null }[] } | null;
}

export interface LeadSource {
  id: string;
  kind: string;
  name: string;
  url: string | null;
  enabled: boolean;
  failures: number;
  lastError: string | null;
  articles: number;
  nextPollAt: string | null;
}
