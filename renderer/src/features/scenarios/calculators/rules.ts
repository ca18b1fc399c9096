import { homeRuleSet, type RuleSet } from '../../../../../shared/logic/tariff/rule-set';

/** The calculators compute by the Styringsaftale in force this year (the newest the app knows, until a later one is entered). */
export const CALCULATOR_RULES: RuleSet = homeRuleSet(new Date().getFullYear());
