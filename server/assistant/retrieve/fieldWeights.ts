// Field weighting. Fields that describe the action (description, thèmes, impacts…) say what
// a sheet is about; administrative fields (date, contact) match words like a name or a year
// by accident. When the question asks for a field, that field is what must come first.
const PRIORS: Record<string, number> = {
  date: 0.6,
  contact: 0.75,
  period: 0.85,
  territory: 0.9,
  role: 0.9,
  services_elus: 0.85,
  mental_health_considered: 0.85,
};
const TARGET_BOOST = 2.5;

export function fieldWeight(field: string, targets?: string[]): number {
  if (targets?.includes(field)) return TARGET_BOOST;
  return PRIORS[field] ?? 1;
}
