import Callout from './Callout.astro';
import Figure from './Figure.astro';
import Steps from './Steps.astro';
import Video from './Video.astro';

/** The components every article may use without importing them (see the editor's guide in the README). */
export const articleComponents = { Callout, Figure, Steps, Video };
