// Field weighting. Fields that describe the action (description, thèmes, impacts…) say what
// a sheet is about; administrative fields (date, contact) match words like a name or a year
// by accident. When the question asks for a field, that field is what must come first.
import { TUNING } from "../tuning.ts";


export function fieldWeight(field: string, targets?: string[]): number {
  if (targets?.includes(field)) return TUNING.retrieve.targetFieldBoost;
  return TUNING.retrieve.fieldPriors[field] ?? 1;
}
