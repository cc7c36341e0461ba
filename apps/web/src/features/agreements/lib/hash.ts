/** A SHA-256 in groups of eight, for people to compare a piece at a time ("6c6dbc4d b3bcf43f …"). */
export function hashGroups(hash: string): string[] {
  return hash.match(/.{1,8}/g) ?? [];
}

/** The first characters of a hash, enough to tell versions apart in a list ("6c6dbc4d…"). */
export function shortHash(hash: string, length = 12): string {
  return hash.length > length ? `${hash.slice(0, length)}…` : hash;
}
