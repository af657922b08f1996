/** Cents (exact integers in a double) to the workspace currency, the unit of every report. */
export const toMoney = (cents: number): number => cents / 100;
