// The package ships no types; this is its whole API.
declare module 'json-stringify-nice' {
  export default function stringify(value: unknown, keyOrder?: string[], space?: number | string): string;
}
