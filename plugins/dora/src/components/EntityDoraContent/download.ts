/** Makes a string safe as part of a file name ("component:default/x" → "component-default-x"). */
export function fileSafe(text: string): string {
  return text.replace(/[^a-z0-9._-]+/gi, '-').replace(/^-+|-+$/g, '');
}

/** Saves text as a file through a Blob URL and a temporary link. */
export function downloadText(filename: string, content: string, type: string) {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Revoked on the next tick: some browsers start the download asynchronously.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
