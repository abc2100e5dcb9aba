/**
 * The colleagues a text mentions: `@` followed by the local part of their e-mail (`@anna` for
 * anna@x.test), case-insensitive, each once. An `@` inside a word (an e-mail address) is no mention;
 * punctuation after the name (`@anna,` `@anna.`) is not part of it.
 */
export function parseMentions(text: string): string[] {
  const found = new Set<string>();
  for (const m of text.matchAll(/(^|[^\p{L}\p{N}_.@+-])@([\p{L}\p{N}._%+-]+)/gu)) {
    const name = (m[2] ?? '').replace(/[.\-_%+]+$/u, '').toLowerCase();
    if (name) found.add(name);
  }
  return [...found];
}

/** The local part of an e-mail address, as mentions name it. */
export function mentionNameOf(email: string): string {
  const at = email.lastIndexOf('@');
  return (at < 0 ? email : email.slice(0, at)).toLowerCase();
}

/** The calendar day before an ISO date (YYYY-MM-DD). */
export function dayBefore(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}
