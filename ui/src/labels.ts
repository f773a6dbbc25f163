/**
 * Line breaks for long node labels. Cytoscape wraps only at spaces, so Chinese labels (no
 * spaces) get explicit breaks every `width` characters; spaced text is left to Cytoscape.
 */
export function wrapLabel(label: string, width = 12): string {
  if (label.length <= width || /\s/.test(label)) return label;
  const chars = [...label];
  const lines: string[] = [];
  for (let i = 0; i < chars.length; i += width) lines.push(chars.slice(i, i + width).join(''));
  // Avoid a dangling last line of one or two characters: pull them up.
  if (lines.length > 1 && [...lines[lines.length - 1]!].length <= 2) lines[lines.length - 2] += lines.pop()!;
  return lines.join('\n');
}
