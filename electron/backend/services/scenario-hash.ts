import { createHash } from 'node:crypto';
import type { ScenarioInput } from '../../../shared/domain/scenario';
import { canonicalJson } from '../../../shared/logic/tariff/freeze';

/**
 * The fingerprint of a scenario's input: SHA-256 of its canonical JSON, hex. A computed scenario, and later a frozen
 * version that an agenda item or decision refers to, can be checked against it: equal inputs, equal hash.
 */
export const scenarioHash = (input: ScenarioInput): string => createHash('sha256').update(canonicalJson(input)).digest('hex');
