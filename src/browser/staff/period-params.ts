/** The fields of a report's address that say its period and content language: what a link to another report keeps. */
const PERIOD_FIELDS = ['days', 'from', 'to', 'locale'];

export const periodParams = (params: URLSearchParams) =>
  new URLSearchParams([...params].filter(([name]) => PERIOD_FIELDS.includes(name)));
