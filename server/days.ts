/** The UTC day of an instant, YYYY-MM-DD: the unit of visitor keys, daily counts and report periods. */
export const dayOf = (date: Date) => date.toISOString().slice(0, 10);

/** The UTC day `days` days before an instant. */
export const daysBefore = (date: Date, days: number) => dayOf(new Date(date.getTime() - days * 86_400_000));
