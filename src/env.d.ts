interface ImportMetaEnv {
  /** Set by the helploop integration: true only in `astro dev`. */
  readonly HELPLOOP_DRAFTS: boolean;
}
