/**
 * Server settings for load that comes from one address on purpose (crash streams, fuzzing, benchmarks): no flood
 * limit or vote cap applies, so what is measured is the server, not its defences.
 */
export const UNLIMITED = {
  HELPLOOP_RATE_LIMIT: '1000000',
  HELPLOOP_RATE_LIMIT_PER_IP: '1000000',
  HELPLOOP_VOTES_PER_IP: '1000000',
};
