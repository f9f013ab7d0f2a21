/**
 * Length limits as the server counts them, in Unicode code points: an input's own maxLength
 * counts UTF-16 units, which would stop an emoji-rich summary at half its allowed length.
 */

/** The text, cut to at most `limit` characters (code points), never splitting one. */
export function cut(limit: number, text: string): string {
  const characters = [...text];
  return characters.length > limit ? characters.slice(0, limit).join("") : text;
}

/** An input's text held to `limit` characters: what was typed past it is taken out of the field too. */
export function upTo(limit: number, field: HTMLInputElement | HTMLTextAreaElement): string {
  const text = cut(limit, field.value);
  if (text !== field.value) field.value = text;
  return text;
}
