/**
 * Saves text as a file through the browser's own download, from this extension page; returns its
 * size. The text may come in parts, which the file joins without building one huge string.
 */
export function download(filename: string, text: string | readonly string[] | Blob, type: string): number {
  const blob =
    text instanceof Blob ? text : new Blob(typeof text === "string" ? [text] : [...text], { type });
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return blob.size;
}

export function fileSafe(name: string): string {
  return name.replace(/[^\p{L}\p{N}._-]+/gu, "-").replace(/^-+|-+$/g, "") || "person";
}
