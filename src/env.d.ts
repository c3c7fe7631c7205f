interface ImportMetaEnv {
  /** Set by the helploop integration: true only in `astro dev`. */
  readonly HELPLOOP_DRAFTS: boolean;
}

declare namespace App {
  interface Locals {
    /** How many `<Figure>`s the page has rendered so far (src/components/mdx/Figure.astro). */
    figures?: number;
  }
}
