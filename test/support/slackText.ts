// What a Slack message shows: every `text` string in a message or its blocks, in order.
export function textsIn(value: unknown): string[] {
  const found: string[] = [];
  const walk = (item: unknown) => {
    if (Array.isArray(item)) item.forEach(walk);
    else if (item !== null && typeof item === 'object') {
      for (const [key, inner] of Object.entries(item)) {
        if (key === 'text' && typeof inner === 'string') found.push(inner);
        else walk(inner);
      }
    }
  };
  walk(value);
  return found;
}
