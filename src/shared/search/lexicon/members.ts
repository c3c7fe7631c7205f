/** How lexicon and synonyms-file entries are written: verbs in dictionary form (`바꾸다`), phrases with a space. */

export const isVerb = (member: string) => member.length >= 2 && /[\uAC00-\uD7A3]다$/.test(member);

/** A member as it is searched: without spaces, verbs without their 다 (`바꾸`, what all their forms start with). */
export const plain = (member: string) => (isVerb(member) ? member.slice(0, -1) : member).replace(/\s+/g, '');
