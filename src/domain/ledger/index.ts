// The controlled-drug register's rules: entries, validation, balances, corrections and regulator views.
export * from './units.ts';
export * from './problems.ts';
export * from './product.ts';
export * from './entry.ts';
export * from './policy.ts';
export { QUANTITY_RULES, resolveQuantity, type QuantityRule, type ResolveOptions } from './quantity.ts';
export { effectsOf, differenceOf, type Movement } from './effects.ts';
export * from './balance.ts';
export { correctionEffects, correctionsOf, standingQuantity } from './correction.ts';
export { instantMs, localDateOf } from './timing.ts';
export { validateEntry, type ValidationContext } from './validate.ts';
export * from './register.ts';
export * from './loss-report.ts';
export type { Directory, Party, RowBase } from './format.ts';
export * from './uk-register.ts';
export * from './us-record.ts';
export * from './inventory.ts';
export * from './canonical.ts';
