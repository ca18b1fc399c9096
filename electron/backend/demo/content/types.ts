import type { AttachmentNumbering, ItemBreak, PaperLayout } from '../../../../shared/domain/body';
import type { ItemKind, Outcome, StandingKind } from '../../../../shared/domain/agenda';
import type { MeetingStatus } from '../../../../shared/domain/meeting';

/**
 * The demo meetings entered from the seed papers. Rich text is simple HTML (<p>, <h3>, <ul>/<ol>/<li>,
 * <strong>, <em>, <table>/<tr>/<th>/<td>, <a href>), as the item editor produces it.
 */
export interface DemoBody {
  id: string;
  code: string;
  name: string;
  description: string;
  attachmentNumbering?: AttachmentNumbering;
  paperLayout?: PaperLayout;
  itemBreak?: ItemBreak;
}

export interface DemoAttachment {
  title: string;
  fileName: string;
  closed?: boolean;
  /** The annex text; the demo loader prints it into a small real PDF. */
  text: string;
}

export interface DemoDecision {
  /** HTML. */
  text: string;
  outcome: Outcome;
  /** Outcome per Indstilling point, in the order of `recommendations`; left out when it follows `outcome`. */
  pointOutcomes?: Outcome[];
  /** Named organisations' reservations, e.g. Læsø and Morsø on the self-harm offer (002:386–390). */
  reservations?: { party: string; text: string }[];
}

export interface DemoFollowUp {
  /** "Det aftales, at …" as an action. */
  action: string;
  owner: string;
  /** ISO date, if the papers give one. */
  dueDate?: string;
}

export interface DemoItem {
  title: string;
  kind: ItemKind;
  standing?: StandingKind;
  closed?: boolean;
  /** For a closed item: whether its title is shown in the public edition. */
  closedTitleVisible?: boolean;
  caseNumber?: string;
  caseOfficer?: string;
  guests?: { name: string; title: string; organisation: string; attended: boolean }[];
  resume?: string;
  /** Indstilling points as printed after "Det indstilles, at". */
  recommendations?: string[];
  /** Sagsbeskrivelse / Baggrund / Sagsfremstilling, with sub-headings as <h3>. */
  caseText?: string;
  economy?: string;
  consultation?: string;
  decision?: DemoDecision;
  followUps?: DemoFollowUp[];
  attachments?: DemoAttachment[];
}

export interface DemoMeeting {
  /** Fixed id, so loading the demo twice adds nothing. */
  id: string;
  bodyCode: string;
  date: string;
  startTime: string | null;
  endTime: string | null;
  location: string;
  status: MeetingStatus;
  note: string;
  participants?: { name: string; organisation: string; present: boolean }[];
  items: DemoItem[];
}
