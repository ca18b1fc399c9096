import type { BackendContext } from '../context';
import type { Handlers } from '../dispatch';
import { agendaHandlers } from './agenda';
import { appHandlers } from './app';
import { attachmentHandlers } from './attachments';
import { backupHandlers } from './backups';
import { bodyHandlers } from './bodies';
import { decisionHandlers } from './decisions';
import { documentHandlers } from './documents';
import { exchangeHandlers } from './exchange';
import { followUpHandlers } from './follow-ups';
import { jobHandlers } from './jobs';
import { meetingHandlers } from './meetings';
import { organisationHandlers } from './organisations';
import { proposalHandlers } from './proposals';
import { scenarioHandlers } from './scenarios';
import { searchHandlers } from './search';
import { offerHandlers } from './offers';
import { ruleSetHandlers } from './rule-sets';
// The tariff year: sheets and the 5 % ledger.
import { ledgerHandlers } from './ledger';
import { tariffSheetHandlers } from './tariff-sheets';
import { tariffImportHandlers } from './tariff-import';
import { tariffAnnexHandlers } from './tariff-annex';

/** One handler per contract method; the type fails to compile if one is missing. */
export const createHandlers = (ctx: BackendContext): Handlers => ({
  ...appHandlers(ctx),
  ...organisationHandlers(ctx),
  ...bodyHandlers(ctx),
  ...meetingHandlers(ctx),
  ...agendaHandlers(ctx),
  ...decisionHandlers(ctx),
  ...followUpHandlers(ctx),
  ...searchHandlers(ctx),
  ...attachmentHandlers(ctx),
  ...documentHandlers(ctx),
  ...scenarioHandlers(ctx),
  ...proposalHandlers(ctx),
  ...backupHandlers(ctx),
  ...exchangeHandlers(ctx),
  ...jobHandlers(ctx),
  ...offerHandlers(ctx),
  ...ruleSetHandlers(ctx),
  // The tariff year: sheets and the 5 % ledger.
  ...tariffSheetHandlers(ctx),
  ...ledgerHandlers(ctx),
  ...tariffImportHandlers(ctx),
  // The takstbilag (issue 17, i17-annex)
  ...tariffAnnexHandlers(ctx),
});
